package io.qswarm.infra.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Persistent deadlines: Axon's {@link DbSchedulerDeadlineManager} on db-scheduler, which keeps every scheduled deadline
 * as a row of {@value #TABLE} in the application's own database (created by Flyway, {@code V130__scheduled_tasks.sql}).
 * A deadline scheduled before a restart fires after it; a deadline that came due while the server was down fires at
 * the next start.
 *
 * <p>Scheduling joins the transaction of the unit of work that schedules (the data source is wrapped in a
 * {@link TransactionAwareDataSourceProxy}), so a saga's deadline is stored if and only if the saga's change is. Task
 * data is Java-serialized Axon records, read back through an allow-list ({@link TaskDataSerializer}).
 *
 * <p>Axon's own db-scheduler auto-configuration sees this {@link Scheduler} and contributes the event-scheduler task;
 * the deadline task and the deadline manager defined here take the place of its defaults.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineSettings.class)
public class DeadlineConfiguration {

    public static final String TABLE = "scheduled_tasks";

    /** The name Axon's auto-configuration gives this task; defining it here replaces that one. */
    static final String DEADLINE_TASK = "deadlineDetailsTask";

    @Bean(DEADLINE_TASK)
    @Qualifier(DEADLINE_TASK)
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean(destroyMethod = "")
    @DependsOnDatabaseInitialization
    public Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, DeadlineSettings settings) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .tableName(TABLE)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .serializer(new TaskDataSerializer())
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .build();
    }

    @Bean
    DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new DeadlineSchedulerLifecycle(deadlineScheduler);
    }

    @Bean
    public DbSchedulerDeadlineManager deadlineManager(
            Scheduler deadlineScheduler,
            org.axonframework.config.Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager,
            ObjectProvider<DeadlineManagerSpanFactory> spans) {
        var builder = DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(false)
                .stopScheduler(false);
        spans.ifAvailable(builder::spanFactory);
        return builder.build();
    }
}
