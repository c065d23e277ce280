package org.bangfu.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bangfu.shared.ProcessExpressionBean;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * What a BPMN or DMN expression may reach: Bangfu's delegates and listeners (by {@code delegateExpression}, or by
 * {@code camunda:class} naming their class), the beans marked {@link ProcessExpressionBean} (their own public
 * methods, called with simple arguments), and a few read-only getters of {@code execution} and {@code task}.
 * Nothing else: no other bean, no method of any other object, no reflection.
 */
final class ExpressionAllowList {

    /** The getters of {@code execution} and {@code task} an expression may read, as properties. */
    static final Set<String> SCOPE_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey",
            "businessKey", "processDefinitionId", "currentActivityId", "currentActivityName", "activityInstanceId",
            "eventName", "tenantId", "taskDefinitionKey", "assignee", "owner", "name", "priority", "dueDate");

    /** The same as methods, and the variable readers. */
    static final Set<String> SCOPE_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal", "getId", "getProcessInstanceId", "getProcessBusinessKey", "getBusinessKey",
            "getProcessDefinitionId", "getCurrentActivityId", "getCurrentActivityName", "getActivityInstanceId",
            "getEventName", "getTenantId", "getTaskDefinitionKey", "getAssignee", "getOwner", "getName",
            "getPriority", "getDueDate");

    /** The names expressions use for the current execution and task. */
    static final Set<String> SCOPE_NAMES = Set.of("execution", "task");

    private final ApplicationContext context;
    /** Bean name to the bean's own class (never a proxy's). */
    private final Map<String, Class<?>> beans;
    private final Set<String> delegates;
    private final Map<String, Set<String>> methods = new TreeMap<>();
    private final Set<String> delegateClasses = new TreeSet<>();
    private volatile Map<Object, String> instances;

    private ExpressionAllowList(ApplicationContext context, Map<String, Class<?>> beans, Set<String> delegates) {
        this.context = context;
        this.beans = Collections.unmodifiableMap(beans);
        this.delegates = Collections.unmodifiableSet(delegates);
        beans.forEach((name, type) -> {
            methods.put(name, callableMethods(type));
            if (delegates.contains(name)) {
                delegateClasses.add(type.getName());
            }
        });
    }

    /** The allow-list of this application: read from bean definitions, without creating any bean. */
    static ExpressionAllowList of(ApplicationContext context) {
        Map<String, Class<?>> beans = new TreeMap<>();
        Set<String> delegates = new TreeSet<>();
        for (Class<?> type : new Class<?>[] { JavaDelegate.class, ExecutionListener.class, TaskListener.class }) {
            for (String name : context.getBeanNamesForType(type, false, false)) {
                Class<?> beanType = userClass(context.getType(name));
                if (beanType != null && beanType.getName().startsWith("org.bangfu.")) {
                    beans.put(name, beanType);
                    delegates.add(name);
                }
            }
        }
        for (String name : context.getBeanNamesForAnnotation(ProcessExpressionBean.class)) {
            beans.put(name, userClass(context.getType(name)));
        }
        return new ExpressionAllowList(context, beans, delegates);
    }

    boolean isBean(String name) {
        return beans.containsKey(name);
    }

    boolean isDelegate(String name) {
        return delegates.contains(name);
    }

    boolean isCallable(String bean, String method) {
        return methods.getOrDefault(bean, Set.of()).contains(method);
    }

    boolean isDelegateClass(String className) {
        return delegateClasses.contains(className);
    }

    Set<String> delegateNames() {
        return delegates;
    }

    Set<String> beanNames() {
        return beans.keySet();
    }

    /** The allow-listed bean this object is, or null: the runtime wall's test before a method runs. */
    String beanNameOf(Object object) {
        Map<Object, String> known = instances;
        if (known == null) {
            Map<Object, String> all = new IdentityHashMap<>();
            beans.keySet().forEach(name -> all.put(context.getBean(name), name));
            instances = known = all;
        }
        return known.get(object);
    }

    /** The beans expressions may name, as the engine's bean map; each fetched when first used. */
    Map<Object, Object> asBeanMap() {
        return new LazyBeans();
    }

    /**
     * A bean's own public methods: declared by its class and its superclasses below {@link Object}, so neither
     * {@code getClass()} nor a proxy's own methods ({@code getTargetSource()}, {@code getAdvisors()}).
     */
    private static Set<String> callableMethods(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic() && !method.isBridge() && !isObjectMethod(method.getName())) {
                    names.add(method.getName());
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private static boolean isObjectMethod(String name) {
        return Set.of("getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone", "finalize")
                .contains(name);
    }

    private static Class<?> userClass(Class<?> type) {
        return type == null ? null : ClassUtils.getUserClass(type);
    }

    /** Delegates may depend on the engine, which is being built while this map is made: beans come on first use. */
    private final class LazyBeans extends AbstractMap<Object, Object> {

        @Override
        public boolean containsKey(Object key) {
            return beans.containsKey(key);
        }

        @Override
        public Object get(Object key) {
            return beans.containsKey(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            Set<Entry<Object, Object>> entries = new LinkedHashSet<>();
            beans.keySet().forEach(name -> entries.add(new SimpleImmutableEntry<>(name, context.getBean(name))));
            return entries;
        }

        @Override
        public Set<Object> keySet() {
            return Set.copyOf(beans.keySet());
        }
    }
}
