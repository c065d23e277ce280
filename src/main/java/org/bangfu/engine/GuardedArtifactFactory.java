package org.bangfu.engine;

import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.ApplicationContext;

/**
 * How the engine makes the object a {@code camunda:class} names: only Bangfu's own delegates and listeners, as
 * their Spring beans. Any other class (a shell or mail behaviour, a class of the JDK) is refused before it is
 * made, also for a definition the engine held before the deployment gate existed.
 */
final class GuardedArtifactFactory implements ArtifactFactory {

    private final ApplicationContext context;
    private final ExpressionAllowList allowList;

    GuardedArtifactFactory(ApplicationContext context, ExpressionAllowList allowList) {
        this.context = context;
        this.allowList = allowList;
    }

    @Override
    public <T> T getArtifact(Class<T> type) {
        if (!allowList.isDelegateClass(type.getName())) {
            throw new ProcessEngineException("Refused by Bangfu's allow-list: class " + type.getName()
                    + " is not one of Bangfu's process delegates");
        }
        return context.getBean(type);
    }
}
