package org.bangfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Modulith's event publication registry on Bangfu's database: an event published in a committed transaction
 * is stored with it; a listener that fails leaves its publication incomplete, and the registry delivers it again
 * when it resubmits incomplete publications, as it does when Bangfu starts
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}). A completed publication is deleted.
 */
@SpringBootTest
class EventPublicationRegistryTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    /** An event of this test only, so that no listener of Bangfu's hears it. */
    record Probed(String token) {
    }

    /**
     * Hears every {@link Probed} as Bangfu's module listeners hear their events; fails the first delivery of a probe
     * it is told to. (Asked through methods: the bean is a proxy, for {@code @Async}.)
     */
    static class FailsFirstTime {

        private final List<String> heard = new CopyOnWriteArrayList<>();
        private final Set<String> failOnce = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener
        void on(Probed probed) {
            heard.add(probed.token());
            if (failOnce.remove(probed.token())) {
                throw new IllegalStateException("the first delivery fails, as a crash or a lost database would");
            }
        }

        public void failFirstDeliveryOf(String token) {
            failOnce.add(token);
        }

        public long heard(String token) {
            return heard.stream().filter(token::equals).count();
        }
    }

    @TestConfiguration
    static class Listening {

        @Bean
        FailsFirstTime failsFirstTime() {
            return new FailsFirstTime();
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FailsFirstTime listener;

    @Autowired
    Environment environment;

    @Test
    void anEventWhoseListenerFailedStaysIncompleteAndIsDeliveredWhenResubmitted() {
        String token = UUID.randomUUID().toString();
        listener.failFirstDeliveryOf(token);
        transactions.executeWithoutResult(tx -> events.publishEvent(new Probed(token)));

        await("the first, failing delivery").atMost(DELIVERY).until(() -> listener.heard(token) == 1);
        assertThat(completionDates(token)).as("the failed delivery's publication, stored and not completed")
                .singleElement().isNull();

        // what Bangfu's start does with every incomplete publication (PersistentApplicationEventMulticaster)
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart",
                Boolean.class)).isTrue();
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof Probed p
                && p.token().equals(token));

        await("delivered again").atMost(DELIVERY).until(() -> listener.heard(token) == 2);
        await("completed, and deleted as completed publications are").atMost(DELIVERY)
                .until(() -> completionDates(token).isEmpty());
        assertThat(listener.heard(token)).isEqualTo(2);
    }

    @Test
    void anEventPublishedInATransactionThatRollsBackIsNeitherStoredNorDelivered() {
        String token = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new Probed(token));
            tx.setRollbackOnly();
        });
        // a later event, delivered, shows the listener had its chance at the first
        String later = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> events.publishEvent(new Probed(later)));
        await().atMost(DELIVERY).until(() -> listener.heard(later) == 1);

        assertThat(listener.heard(token)).isZero();
        assertThat(completionDates(token)).isEmpty();
    }

    /** The completion dates of the stored publications of the probe with this token (none: nothing stored). */
    private List<Object> completionDates(String token) {
        return jdbc.sql("select completion_date from event_publication where serialized_event like ?")
                .param("%" + token + "%").query((rs, n) -> rs.getObject(1)).list();
    }
}
