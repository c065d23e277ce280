package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files in {@code processes/} open in a modeler as they were drawn: every flow node and sequence flow has its
 * place in the diagram, every flow node lists the flows that enter and leave it (as modelers write them, and as
 * bpmnlint reads them in CI), and every decision has its shape in the decision requirements diagram.
 */
class ShippedProcessFilesTest {

    static Stream<Path> bpmnFiles() throws IOException {
        return shipped(".bpmn");
    }

    static Stream<Path> dmnFiles() throws IOException {
        return shipped(".dmn");
    }

    @Nested
    class Processes {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.bangfu.engine.ShippedProcessFilesTest#bpmnFiles")
        void drawEveryFlowNodeAndSequenceFlow(Path file) {
            BpmnModelInstance model = read(file, Bpmn::readModelFromStream);
            List<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(shape -> shape.getBpmnElement().getId()).toList();
            List<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                    .filter(edge -> edge.getWaypoints().size() >= 2)
                    .map(edge -> edge.getBpmnElement().getId()).toList();

            assertThat(shapes).as("flow nodes with a shape").containsAll(ids(model, FlowNode.class));
            assertThat(edges).as("sequence flows with an edge of two waypoints or more")
                    .containsAll(ids(model, SequenceFlow.class));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.bangfu.engine.ShippedProcessFilesTest#bpmnFiles")
        void listEachFlowNodesIncomingAndOutgoingFlows(Path file) {
            BpmnModelInstance model = read(file, Bpmn::readModelFromStream);
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                Map<Boolean, List<String>> flows = model.getModelElementsByType(SequenceFlow.class).stream()
                        .filter(flow -> flow.getSource() == node || flow.getTarget() == node)
                        .collect(Collectors.partitioningBy(flow -> flow.getTarget() == node,
                                Collectors.mapping(SequenceFlow::getId, Collectors.toList())));

                assertThat(node.getIncoming()).as("%s's incoming", node.getId()).extracting(SequenceFlow::getId)
                        .containsExactlyInAnyOrderElementsOf(flows.get(true));
                assertThat(node.getOutgoing()).as("%s's outgoing", node.getId()).extracting(SequenceFlow::getId)
                        .containsExactlyInAnyOrderElementsOf(flows.get(false));
            }
        }
    }

    @Nested
    class Decisions {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.bangfu.engine.ShippedProcessFilesTest#dmnFiles")
        void drawEveryDecision(Path file) {
            DmnModelInstance model = read(file, Dmn::readModelFromStream);
            List<String> shapes = new ArrayList<>();
            collectShapes(model.getDocument().getRootElement(), shapes);

            assertThat(shapes).as("decisions with a shape").containsAll(model.getModelElementsByType(Decision.class)
                    .stream().map(Decision::getId).toList());
        }

        private void collectShapes(DomElement element, List<String> shapes) {
            if (element.getLocalName().equals("DMNShape") && element.getNamespaceURI().endsWith("/DMNDI/")) {
                shapes.add(element.getAttribute("dmnElementRef"));
            }
            element.getChildElements().forEach(child -> collectShapes(child, shapes));
        }
    }

    private static Stream<Path> shipped(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
            assertThat(found).as("processes/*" + suffix).isNotEmpty();
            return found.stream();
        }
    }

    private static <T> T read(Path file, Function<InputStream, T> reader) {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(BpmnModelInstance model, Class<? extends BaseElement> type) {
        return model.getModelElementsByType(type).stream().map(BaseElement::getId).toList();
    }
}
