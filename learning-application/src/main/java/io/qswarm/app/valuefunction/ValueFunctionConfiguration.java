package io.qswarm.app.valuefunction;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Value functions in the application: tables with a value function stay out of swarm rounds. */
@Configuration(proxyBeanMethods = false)
public class ValueFunctionConfiguration {

    /** Registered on the bus itself: the interceptor is no bean, so nothing registers it a second time. */
    @Bean
    Registration functionTablesStayOutOfSwarms(CommandBus commandBus, ValueFunctionParameterQueries tables) {
        return commandBus.registerDispatchInterceptor(new FunctionTablesStayOutOfSwarms(tables));
    }
}
