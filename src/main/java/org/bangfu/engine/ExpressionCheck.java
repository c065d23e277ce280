package org.bangfu.engine;

import java.util.Optional;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Builder.Feature;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads a JUEL expression with the engine's own parser (the same grammar that would run it, so nothing reads one
 * way here and another there) and walks its syntax tree. An expression passes when it is plain data or a call of
 * an allow-listed bean with simple arguments:
 * <ul>
 * <li>literals, variables, and operators on them ({@code ${decision == 'PASS'}}, {@code ${!warningsRaised}});</li>
 * <li>a method of an allow-listed bean ({@code ${householdStages.enter(execution, 'FILING')}}) whose arguments
 * are literals, variables, {@code execution}/{@code task} or their allowed getters;</li>
 * <li>a few read-only getters of {@code execution} and {@code task} ({@code ${execution.processBusinessKey}}).</li>
 * </ul>
 * Refused: a method of anything else (a literal, a variable, {@code execution.getProcessEngine()}), any other
 * property ({@code class}, {@code processEngine}), {@code [..]} access, functions.
 */
final class ExpressionCheck {

    /** The features of the engine's expression factory (its JEE6 profile). */
    private static final Builder PARSER = new Builder(Feature.METHOD_INVOCATIONS, Feature.VARARGS);

    /** Why an expression is refused: a message key below {@code engine.gate.expression.} and its argument. */
    record Refusal(String key, String detail) {
    }

    private final ExpressionAllowList allowList;

    ExpressionCheck(ExpressionAllowList allowList) {
        this.allowList = allowList;
    }

    static boolean containsExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Empty when the text (plain, an expression, or text with expressions in it) may run. */
    Optional<Refusal> check(String text) {
        if (!containsExpression(text)) {
            return Optional.empty();
        }
        AstNode root;
        try {
            root = (AstNode) PARSER.build(text).getRoot();
        } catch (TreeBuilderException e) {
            return refuse("syntax", text);
        }
        return value(root);
    }

    /** Empty when the text is exactly {@code ${bean}} naming one of Bangfu's delegates or listeners. */
    Optional<Refusal> checkDelegate(String text) {
        AstNode root;
        try {
            root = text == null ? null : (AstNode) PARSER.build(text).getRoot();
        } catch (TreeBuilderException e) {
            return refuse("syntax", text);
        }
        if (root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier id) {
            return allowList.isDelegate(id.getName()) ? Optional.empty() : refuse("delegate", id.getName());
        }
        return refuse("delegateForm", text);
    }

    private Optional<Refusal> value(Node node) {
        if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
                || node instanceof AstBoolean || node instanceof AstNull || node instanceof AstIdentifier) {
            return Optional.empty();
        }
        if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested
                || node instanceof AstUnary || node instanceof AstBinary || node instanceof AstChoice) {
            return children(node, this::value);
        }
        if (node instanceof AstDot dot) {
            return scopeProperty(dot);
        }
        if (node instanceof AstMethod method) {
            return call(method);
        }
        return other(node);
    }

    /** An argument of a bean's method: as a value, but no call inside it. */
    private Optional<Refusal> argument(Node node) {
        if (node instanceof AstMethod) {
            return refuse("argument", "(…)");
        }
        if (node instanceof AstNested || node instanceof AstUnary || node instanceof AstBinary
                || node instanceof AstChoice) {
            return children(node, this::argument);
        }
        return value(node);
    }

    private Optional<Refusal> call(AstMethod method) {
        Node target = method.getChild(0);
        if (!(target instanceof AstDot dot)) {
            return other(target);
        }
        String name = propertyOf(dot);
        Node base = dot.getChild(0);
        if (base instanceof AstIdentifier id && allowList.isBean(id.getName())) {
            if (!allowList.isCallable(id.getName(), name)) {
                return refuse("beanMethod", id.getName() + "." + name);
            }
        } else if (base instanceof AstIdentifier id && ExpressionAllowList.SCOPE_NAMES.contains(id.getName())) {
            if (!ExpressionAllowList.SCOPE_METHODS.contains(name)) {
                return refuse("scopeMethod", id.getName() + "." + name);
            }
        } else {
            // name the first step that goes wrong in a chain (a.b().c()), not the last
            return value(base).or(() -> refuse("method",
                    base instanceof AstIdentifier id ? id.getName() + "." + name : name));
        }
        return children((AstParameters) method.getChild(1), this::argument);
    }

    private Optional<Refusal> scopeProperty(AstDot dot) {
        String name = propertyOf(dot);
        Node base = dot.getChild(0);
        if (base instanceof AstIdentifier id && ExpressionAllowList.SCOPE_NAMES.contains(id.getName())) {
            return ExpressionAllowList.SCOPE_PROPERTIES.contains(name) ? Optional.empty()
                    : refuse("scopeProperty", id.getName() + "." + name);
        }
        return value(base).or(() -> refuse("property", name));
    }

    private Optional<Refusal> other(Node node) {
        if (node instanceof AstBracket) {
            return refuse("bracket", "[…]");
        }
        if (node instanceof AstFunction function) {
            return refuse("function", function.getName());
        }
        return refuse("syntax", String.valueOf(node));
    }

    private static Optional<Refusal> children(Node node, java.util.function.Function<Node, Optional<Refusal>> check) {
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<Refusal> refusal = check.apply(node.getChild(i));
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** The property an {@code a.b} names: JUEL keeps it in a protected field and prints it as ". b". */
    private static String propertyOf(AstDot dot) {
        return dot.toString().substring(2);
    }

    private static Optional<Refusal> refuse(String key, String detail) {
        return Optional.of(new Refusal(key, detail));
    }
}
