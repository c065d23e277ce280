package org.bangfu.engine;

import java.util.Set;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The order of the two schemas, decided on purpose: Flyway migrates Bangfu's {@code bf_*} tables first, then
 * the process engine creates or checks its own {@code ACT_*} tables ({@code camunda.bpm.database.schema-update}).
 * Flyway therefore always meets either an empty schema or its own history table, on H2 and on PostgreSQL,
 * on a fresh database and on every restart, and never Camunda's tables without a history
 * ("non-empty schema but no schema history table"). Registered in META-INF/spring.factories.
 */
public class SchemaOrder extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngineFactoryBean.class);
    }
}
