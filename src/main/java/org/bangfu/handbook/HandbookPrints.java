package org.bangfu.handbook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.funds.FundLedger;
import org.bangfu.funds.FundPayments;
import org.bangfu.funds.FundRequests;
import org.bangfu.household.Attachments;
import org.bangfu.household.HouseholdFile;
import org.bangfu.settings.Settings;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.PdfDocuments;
import org.bangfu.shared.People;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printable assistance handbook (帮扶手册) of a household, generated on demand as a PDF in Chinese: the file as
 * the printing person may see it (ID numbers and other sensitive values masked), the plan, visits with their photos
 * and signatures, results, funds, a signature page, and a QR code that opens the household's page in Bangfu. Every
 * print is in the audit log.
 */
@Service
public class HandbookPrints {

    private static final int PHOTO_WIDTH = 480;
    private static final int SIGNATURE_WIDTH = 360;

    private final HandbookRules rules;
    private final Visits visits;
    private final Measures measures;
    private final Results results;
    private final Attachments attachments;
    private final FundRequests fundRequests;
    private final FundPayments fundPayments;
    private final FundLedger ledger;
    private final HandbookDocument document;
    private final PdfDocuments pdf;
    private final AuditLog audit;
    private final Clock clock;
    private final Settings settings;
    private final People people;

    HandbookPrints(HandbookRules rules, Visits visits, Measures measures, Results results, Attachments attachments,
            FundRequests fundRequests, FundPayments fundPayments, FundLedger ledger, HandbookDocument document,
            PdfDocuments pdf, AuditLog audit, Clock clock, Settings settings, People people) {
        this.people = people;
        this.rules = rules;
        this.visits = visits;
        this.measures = measures;
        this.results = results;
        this.attachments = attachments;
        this.fundRequests = fundRequests;
        this.fundPayments = fundPayments;
        this.ledger = ledger;
        this.document = document;
        this.pdf = pdf;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** A printed handbook and the name it is saved under (帮扶手册-BF000003.pdf). */
    public record Printed(String fileName, byte[] pdf) {
    }

    /** The handbook as a PDF; the print is audit-logged. */
    @Transactional(readOnly = true)
    public Printed print(long householdId) {
        HouseholdFile file = rules.visible(householdId);
        byte[] printed = pdf.pdf(document.xhtml(contents(file)));
        audit.record(CurrentUser.require().getUsername(), AuditAction.HANDBOOK_PRINTED, file.fileNo(), null,
                Outcome.SUCCESS, AuditText.of("audit.detail.handbookPrinted", file.headName(), (printed.length + 1023) / 1024));
        return new Printed(document.fileName(file), printed);
    }

    private HandbookDocument.Contents contents(HouseholdFile file) {
        long id = file.id();
        List<Visit> visitList = visits.ofHousehold(id);
        List<Result> resultList = results.ofHousehold(id);
        Map<Long, byte[]> images = new HashMap<>();
        visitList.stream().flatMap(v -> v.photoIds().stream()).distinct()
                .forEach(photo -> thumbnail(id, photo, PHOTO_WIDTH).ifPresent(image -> images.put(photo, image)));
        Stream.concat(visitList.stream().map(Visit::confirmationId), resultList.stream().map(Result::confirmationId))
                .filter(Objects::nonNull).distinct()
                .forEach(signed -> thumbnail(id, signed, SIGNATURE_WIDTH).ifPresent(image -> images.put(signed, image)));
        int year = LocalDate.now(clock).getYear();
        return new HandbookDocument.Contents(file, visitList, measures.ofHousehold(id), resultList,
                fundRequests.ofHousehold(id), fundPayments.ofHousehold(id), year, ledger.totals(id, year).balance(),
                images, QrCodes.png(householdAddress(id)), LocalDate.now(clock),
                people.find(visitList.stream().map(Visit::savedBy).toList()));
    }

    /** Where the handbook's QR code leads: the household's page at the public address in force. */
    String householdAddress(long householdId) {
        return settings.text(HandbookSettingDefinitions.PUBLIC_URL) + "/households/" + householdId;
    }

    private Optional<byte[]> thumbnail(long householdId, long attachmentId, int width) {
        return attachments.download(householdId, attachmentId).flatMap(d -> Thumbnails.jpeg(d.content(), width));
    }
}
