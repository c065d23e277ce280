package org.bangfu.testsupport;

import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Every Spring test context runs on its own new PostgreSQL database (see {@link TestPostgres}), so tests
 * never see each other's data and the schema is always built from scratch by Flyway and the engine.
 * Registered in META-INF/spring.factories of the tests.
 */
public class PostgresPerContext implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new FreshDatabase();
    }

    /** Equal to every other, so that Spring's context cache still shares contexts between test classes. */
    static final class FreshDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPostgres.Database db = TestPostgres.newDatabase();
            TestPropertyValues.of("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                    "spring.datasource.password=" + db.password()).applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FreshDatabase;
        }

        @Override
        public int hashCode() {
            return FreshDatabase.class.hashCode();
        }
    }
}
