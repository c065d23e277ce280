package org.bangfu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Deploying a BPMN or DMN file is deploying code, so every way into the engine (the start-up deployment of
 * {@code processes/}, {@code /engine-rest}, Camunda's webapps, any editor) passes this gate: it reads each
 * resource before the engine does and refuses anything that is not plainly data or a call of an allow-listed
 * Bangfu bean (see {@link ModelCheck}), naming the element and attribute. An editor may also ask it first.
 */
@Service
public class DeploymentGate {

    private final ApplicationContext context;
    private final MessageSource messages;
    private volatile ModelCheck check;
    private volatile ExpressionAllowList allowList;

    DeploymentGate(ApplicationContext context, MessageSource messages) {
        this.context = context;
        this.messages = messages;
    }

    /** Every reason to refuse these resources (name to content); empty when they may be deployed. */
    public List<GateViolation> check(Map<String, byte[]> resources) {
        List<GateViolation> violations = new ArrayList<>();
        resources.forEach((name, content) -> violations.addAll(modelCheck().check(name, content)));
        return violations;
    }

    /** The beans a service task or listener may name as its delegate ({@code ${name}}), for editors to offer. */
    public Set<String> delegateNames() {
        return new TreeSet<>(allowList().delegateNames());
    }

    /** The refusal the engine answers with: a parse exception with one problem per violation. */
    DeploymentRefused refusal(List<GateViolation> violations) {
        Locale locale = readerLocale();
        List<String> lines = violations.stream().map(v -> v.describe(messages, locale)).toList();
        String message = messages.getMessage("engine.gate.refused",
                new Object[] { violations.size(), String.join("; ", lines) }, locale);
        return new DeploymentRefused(message, violations, v -> v.reason(messages, locale));
    }

    /** How the audit log words the reasons: in the bureau's language. */
    String describeForTheRecord(List<GateViolation> violations) {
        return String.join("; ", violations.stream().map(v -> v.describe(messages, Locale.SIMPLIFIED_CHINESE)).toList());
    }

    ExpressionAllowList allowList() {
        ExpressionAllowList list = allowList;
        if (list == null) {
            allowList = list = ExpressionAllowList.of(context);
        }
        return list;
    }

    private ModelCheck modelCheck() {
        ModelCheck current = check;
        if (current == null) {
            check = current = new ModelCheck(allowList());
        }
        return current;
    }

    /**
     * Who reads the refusal: the caller of {@code /engine-rest} in English only when they asked for it (Jersey sees
     * no locale resolver, so the server's own locale would otherwise decide), everyone else in Chinese.
     */
    private static Locale readerLocale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getHeader("Accept-Language") != null
                && request.getRequest().getLocale().getLanguage().equals("en")) {
            return Locale.ENGLISH;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
