package io.qswarm.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.environments.market.MarketEnvironment;
import io.qswarm.environments.routing.RoutingEnvironment;
import io.qswarm.environments.toytext.TaxiEnvironment;
import io.qswarm.intelligence.valuefunction.Feature;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class FactoredStatesTest {

    @Test
    void everyTaxiStateIsSpelledAsItsFactorsAndReadBackToItsIndex() {
        // given
        FactoredStates taxi = FactoredStates.of(new TaxiEnvironment()).orElseThrow();

        // then: 328 = ((3·5 + 1)·5 + 2)·4 + 0, taxi at row 3 column 1, passenger waiting at Y, going to R
        assertThat(taxi.keys().apply(328)).isEqualTo("taxi=3,1|passenger=Y|dest=R");
        for (int s = 0; s < TaxiEnvironment.STATES; s++) {
            assertThat(taxi.schema().jointIndex(taxi.schema().parse(taxi.keys().apply(s))))
                    .isEqualTo(s);
        }
    }

    @Test
    void everyMarketKeyFitsTheMarketSchemaOnce() {
        // given
        var market = new MarketEnvironment();
        FactoredStates states = FactoredStates.of(market).orElseThrow();

        // then
        assertThat(states.schema().names()).containsExactly("price", "volume", "trend", "scarcity", "mood");
        assertThat(states.schema().jointCardinality()).isEqualTo(market.stateCount());
        var indices = new HashSet<Long>();
        for (int s = 0; s < market.stateCount(); s++) {
            indices.add(states.schema()
                    .jointIndex(states.schema().parse(states.keys().apply(s))));
        }
        assertThat(indices).hasSize(market.stateCount());
    }

    @Test
    void anEnvironmentWithoutDeclaredFeaturesOrAnotherSchemaIsRefused() {
        assertThat(FactoredStates.of(new RoutingEnvironment())).isEmpty();
        FeatureSchema other = FeatureSchema.named(Feature.categorical("cell", "a", "b"));
        assertThatThrownBy(() -> FactoredStates.in(new TaxiEnvironment(), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "the table's feature schema [cell] (NAMED) is not how Taxi-v3 spells its states");
    }
}
