package org.bangfu.engine;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.bangfu.shared.ProcessExpressionBean;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Narrows what a BPMN or DMN file can reach, because deploying one is deploying code:
 * <ul>
 * <li>expressions resolve only an allow-list of beans: Bangfu's delegates and listeners and beans marked
 * {@link ProcessExpressionBean} (by default the starter lets them reach every Spring bean);</li>
 * <li>no script runs: no script engine resolves, including the {@code juel} one the engine ships;</li>
 * <li>caller-supplied expressions never run in queries (set in application.yml, checked by the tests).</li>
 * </ul>
 */
@Component
class EngineHardening extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineHardening.class);

    private final ApplicationContext applicationContext;

    EngineHardening(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> allowed = allowedBeans();
        log.info("Process expressions may reach these beans only: {}", allowed.keySet());
        configuration.setExpressionManager(new SpringExpressionManager(applicationContext, allowed));
        configuration.setScriptEngineResolver(new NoScriptEngines());
    }

    Map<Object, Object> allowedBeans() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : new Class<?>[] { JavaDelegate.class, ExecutionListener.class, TaskListener.class }) {
            for (String name : applicationContext.getBeanNamesForType(type, false, false)) {
                Class<?> beanType = applicationContext.getType(name);
                if (beanType != null && beanType.getName().startsWith("org.bangfu.")) {
                    names.add(name);
                }
            }
        }
        for (String name : applicationContext.getBeanNamesForAnnotation(ProcessExpressionBean.class)) {
            names.add(name);
        }
        return new AllowListedBeans(applicationContext, names);
    }

    /**
     * The beans expressions may name, fetched when first used: delegates may depend on the engine,
     * which is being built while this list is made.
     */
    static final class AllowListedBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private final Set<String> names;

        AllowListedBeans(ApplicationContext context, Set<String> names) {
            this.context = context;
            this.names = Set.copyOf(names);
        }

        @Override
        public boolean containsKey(Object key) {
            return names.contains(key);
        }

        @Override
        public Object get(Object key) {
            return names.contains(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            Set<Entry<Object, Object>> entries = new LinkedHashSet<>();
            names.forEach(name -> entries.add(new SimpleImmutableEntry<>(name, context.getBean(name))));
            return entries;
        }

        @Override
        public Set<Object> keySet() {
            return Set.copyOf(names);
        }
    }

    /** Refuses every scripting language. */
    static final class NoScriptEngines implements ScriptEngineResolver {

        private final ScriptEngineManager empty = new ScriptEngineManager(null);

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // scripts are disabled: factories are not registered
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return empty;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean useCache) {
            return null;
        }
    }
}
