package uk.mentoring.pairing.registration.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.kit.domain.RuleViolation;
import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.ForRoles;
import uk.mentoring.kit.security.Role;
import uk.mentoring.kit.security.SchoolAccess;
import uk.mentoring.pairing.registration.StaffImport;

/** A school lead sends their staff list as CSV and gets back a report, line by line. */
@RestController
class StaffImportController {

    private final StaffImport staffImport;

    StaffImportController(StaffImport staffImport) {
        this.staffImport = staffImport;
    }

    @ForRoles(value = Role.SCHOOL_LEAD, doing = "Importing a school's staff list")
    @PostMapping(path = "/api/schools/{schoolId}/people", consumes = {"text/csv", "application/csv"})
    ResponseEntity<StaffImport.Report> importStaff(@PathVariable UUID schoolId, @RequestBody(required = false) byte[] csv, Caller caller) {
        SchoolAccess.requireLead(caller, schoolId);
        return ResponseEntity.ok(staffImport.importCsv(schoolId, utf8(csv == null ? new byte[0] : csv), caller));
    }

    /**
     * The file as UTF-8, or a refusal that says how to save it: a spreadsheet's own "CSV" is often
     * Windows-1252, whose accented letters would otherwise be stored as question marks.
     */
    private static String utf8(byte[] csv) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(csv)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw RuleViolation.invalid("The file is not UTF-8 text, so names with accents would be spoiled. Save it from the spreadsheet as"
                    + " \"CSV UTF-8 (Comma delimited)\" and send it again.");
        }
    }
}
