package org.bangfu.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.springframework.context.ApplicationContext;

/**
 * The second wall behind the deployment gate: whatever expression runs (a definition deployed before the gate,
 * a DMN table, a file that slipped past the parser), it resolves only the allow-listed beans, calls methods only
 * on them and on {@code execution}/{@code task} (the allowed getters), reads no property of any other object
 * and writes none. So no expression reaches {@code getClass()}, reflection, the engine's configuration or a
 * database connection. Lists, maps and arrays in variables can still be read.
 */
final class GuardedExpressionManager extends SpringExpressionManager {

    private final ExpressionAllowList allowList;

    GuardedExpressionManager(ApplicationContext applicationContext, ExpressionAllowList allowList) {
        super(applicationContext, allowList.asBeanMap());
        this.allowList = allowList;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(beans));
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new GuardedBeanResolver(allowList));
        return resolver;
    }

    /** Java-bean access, only where the allow-list permits it; everything else is refused by name. */
    static final class GuardedBeanResolver extends ELResolver {

        private final ExpressionAllowList allowList;
        private final BeanELResolver beans = new BeanELResolver(true);

        GuardedBeanResolver(ExpressionAllowList allowList) {
            this.allowList = allowList;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null) {
                return null;
            }
            if (base instanceof VariableScope && ExpressionAllowList.SCOPE_PROPERTIES.contains(String.valueOf(property))) {
                return beans.getValue(context, base, property);
            }
            throw refused("property '" + property + "'", base);
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base == null) {
                return null;
            }
            String name = String.valueOf(method);
            String bean = allowList.beanNameOf(base);
            if (bean != null ? allowList.isCallable(bean, name)
                    : base instanceof VariableScope && ExpressionAllowList.SCOPE_METHODS.contains(name)) {
                return beans.invoke(context, base, method, paramTypes, params);
            }
            throw refused("method '" + name + "'", base);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base != null) {
                throw new PropertyNotWritableException("Bangfu's processes write no property of " + describe(base));
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            if (base != null) {
                context.setPropertyResolved(true);
            }
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return base == null ? null : Object.class;
        }

        private ELException refused(String what, Object base) {
            return new ELException("Refused by Bangfu's expression allow-list: " + what + " of " + describe(base)
                    + " (expressions call only allow-listed beans and read only execution/task getters)");
        }

        private String describe(Object base) {
            String bean = allowList.beanNameOf(base);
            return bean != null ? "bean '" + bean + "'" : base.getClass().getName();
        }
    }
}
