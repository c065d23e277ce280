package org.bangfu.modeler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Deploys the files of {@code processes/} when the engine starts, without ever replacing an administrator's change:
 * a file is deployed when nothing defines its process yet, or when it differs from the live version and the live
 * version was itself shipped. When the live version was made in the process library, a different shipped file is
 * only noted: the library shows which version is live and lets an administrator take the file over (as a change,
 * through checks and approval) or keep their version. Each copy of a file is decided once (by its digest).
 */
@Component
class ShippedProcesses extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ShippedProcesses.class);
    static final String DEPLOYMENT_SOURCE = "bangfu-shipped";
    private static final String[] PATTERNS = { "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn" };

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Map<String, byte[]> files;

    ShippedProcesses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        RepositoryService repository = engine.getRepositoryService();
        files().forEach((name, content) -> {
            String hash = sha256(content);
            Optional<String[]> seen = jdbc.sql("select content_hash, pending_hash from bf_model_shipped where resource_name = ?")
                    .param(name).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).optional();
            if (seen.isPresent() && (hash.equals(seen.get()[0]) || hash.equals(seen.get()[1]))) {
                return;
            }
            Optional<Live> live = live(repository, content);
            if (live.isPresent() && Arrays.equals(live.get().content(), content)) {
                remember(name, hash, null);
            } else if (live.isPresent() && live.get().madeHere()) {
                log.warn("processes/{} differs from the live version {} an administrator deployed: it waits for an "
                        + "administrator in the process library", name, live.get().version());
                remember(name, seen.map(s -> s[0]).orElse(null), hash);
            } else {
                Deployment deployment = repository.createDeployment().name(name).source(DEPLOYMENT_SOURCE)
                        .addInputStream(name, new ByteArrayInputStream(content)).deploy();
                jdbc.sql("""
                        insert into bf_model_origin (deployment_id, source, resource_name, deployed_at)
                        values (?, 'SHIPPED', ?, ?)""")
                        .params(deployment.getId(), name, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .update();
                remember(name, hash, null);
            }
        });
    }

    /** The shipped files by name ({@code AssistancePairingProcess.bpmn}). */
    Map<String, byte[]> files() {
        Map<String, byte[]> loaded = files;
        if (loaded == null) {
            loaded = new LinkedHashMap<>();
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            try {
                for (String pattern : PATTERNS) {
                    for (Resource resource : resolver.getResources(pattern)) {
                        try (InputStream in = resource.getInputStream()) {
                            loaded.put(resource.getFilename(), in.readAllBytes());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files = loaded;
        }
        return loaded;
    }

    /** A released file waiting for an administrator's decision: its content. */
    Optional<String> waiting(String resourceName) {
        boolean pending = jdbc.sql("select count(*) from bf_model_shipped where resource_name = ? and pending_hash is not null")
                .param(resourceName).query(Integer.class).single() > 0;
        return pending && files().containsKey(resourceName)
                ? Optional.of(new String(files().get(resourceName), StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** The administrator decided about the waiting file (kept their version, or deployed the file as a change). */
    void settle(String resourceName) {
        jdbc.sql("""
                update bf_model_shipped set content_hash = pending_hash, pending_hash = null, pending_since = null
                 where resource_name = ? and pending_hash is not null""").param(resourceName).update();
    }

    private void remember(String name, String hash, String pending) {
        OffsetDateTime since = pending == null ? null : OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                update bf_model_shipped set content_hash = ?, pending_hash = ?, pending_since = ? where resource_name = ?""")
                .params(hash, pending, since, name).update();
        if (updated == 0) {
            jdbc.sql("insert into bf_model_shipped (resource_name, content_hash, pending_hash, pending_since) values (?, ?, ?, ?)")
                    .params(name, hash, pending, since).update();
        }
    }

    private record Live(int version, byte[] content, boolean madeHere) {
    }

    /** The live version of what the file defines (its first process or decision), if any. */
    private Optional<Live> live(RepositoryService repository, byte[] content) {
        Element root = ModelDocument.read(new String(content, StandardCharsets.UTF_8));
        for (Element element : ModelDocument.children(root)) {
            String key = element.getAttribute("id");
            if (element.getLocalName().equals("process")) {
                ProcessDefinition p = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                        .singleResult();
                return p == null ? Optional.empty()
                        : Optional.of(live(repository, p.getVersion(), p.getDeploymentId(), p.getResourceName()));
            }
            if (element.getLocalName().equals("decision")) {
                DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                        .latestVersion().singleResult();
                return d == null ? Optional.empty()
                        : Optional.of(live(repository, d.getVersion(), d.getDeploymentId(), d.getResourceName()));
            }
        }
        return Optional.empty();
    }

    private Live live(RepositoryService repository, int version, String deploymentId, String resourceName) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
            boolean madeHere = jdbc.sql("select count(*) from bf_model_origin where deployment_id = ? and source <> 'SHIPPED'")
                    .param(deploymentId).query(Integer.class).single() > 0;
            return new Live(version, in.readAllBytes(), madeHere);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
