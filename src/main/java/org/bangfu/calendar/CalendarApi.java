package org.bangfu.calendar;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/calendar}: a year's holidays and make-up working days for anyone signed in, and the import of the
 * State Council's arrangement for administrators. An import with {@code preview=true} answers what it would change
 * and changes nothing; without it, it replaces the years the file covers ({@code basis} from a preview makes it
 * refuse with 409 when someone changed them since). A file with problems answers 400 with every problem by line,
 * in the caller's language, and imports nothing.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarApi {

    private final WorkingDays workingDays;
    private final CalendarImports imports;
    private final CalendarReminders reminders;
    private final Clock clock;

    CalendarApi(WorkingDays workingDays, CalendarImports imports, CalendarReminders reminders, Clock clock) {
        this.workingDays = workingDays;
        this.imports = imports;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** A year's entries ({@code entered} false when it has none); {@code nextYearMissing} from 1 November. */
    record YearAnswer(int year, boolean entered, List<CalendarDay> days, Integer nextYearMissing) {
    }

    @GetMapping
    YearAnswer year(@RequestParam(required = false) Integer year) {
        int asked = year == null ? LocalDate.now(clock).getYear() : year;
        List<CalendarDay> days = workingDays.year(asked);
        var missing = reminders.missingNextYear();
        return new YearAnswer(asked, !days.isEmpty(), days, missing.isPresent() ? missing.getAsInt() : null);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CalendarImport importFile(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean preview, @RequestParam(required = false) String basis)
            throws IOException {
        // a file over the limit is not read: the facade (after its access check) refuses any content that long
        byte[] content = file.getSize() > CalendarImports.MAX_BYTES ? new byte[CalendarImports.MAX_BYTES + 1]
                : file.getBytes();
        if (preview) {
            CalendarImport report = imports.preview(content);
            if (!report.valid()) {
                throw new CalendarImportRefused(report);
            }
            return report;
        }
        return imports.apply(content, basis);
    }
}
