package uk.mentoring.pairing.registration.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.mentoring.kit.security.Caller;
import uk.mentoring.kit.security.SchoolAccess;
import uk.mentoring.pairing.registration.StaffImport;

/** A school lead sends their staff list as CSV and gets back a report, line by line. */
@RestController
class StaffImportController {

    private final StaffImport staffImport;

    StaffImportController(StaffImport staffImport) {
        this.staffImport = staffImport;
    }

    @PostMapping(path = "/api/schools/{schoolId}/people", consumes = {"text/csv", "application/csv"})
    ResponseEntity<StaffImport.Report> importStaff(@PathVariable UUID schoolId, @RequestBody byte[] csv, Caller caller) {
        SchoolAccess.requireLead(caller, schoolId);
        return ResponseEntity.ok(staffImport.importCsv(schoolId, new String(csv, StandardCharsets.UTF_8), caller));
    }
}
