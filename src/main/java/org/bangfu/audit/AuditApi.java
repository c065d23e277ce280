package org.bangfu.audit;

import java.util.List;

import org.bangfu.audit.AuditLog.AuditQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for the auditor's tools: newest first, paged. */
@RestController
@RequestMapping("/api/audit-log")
class AuditApi {

    private final AuditLog auditLog;

    AuditApi(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    Page list(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        AuditQuery query = new AuditQuery(actor, action);
        int size = Math.max(1, Math.min(limit, 500));
        return new Page(auditLog.find(query, Math.max(0, offset), size), auditLog.count(query));
    }

    record Page(List<AuditEntry> entries, int total) {
    }
}
