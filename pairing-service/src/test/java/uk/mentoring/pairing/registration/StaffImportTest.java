package uk.mentoring.pairing.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.mentoring.pairing.PairingServiceTest;
import uk.mentoring.pairing.TestData;
import uk.mentoring.testkit.TestApi;
import uk.mentoring.testkit.TestIdentityProvider.Person;

/** A school lead imports their staff from a spreadsheet export, and sends it again. */
@PairingServiceTest
class StaffImportTest {

    @LocalServerPort
    int port;

    @Test
    void each_bad_row_comes_back_with_its_line_and_reason_and_the_good_rows_are_registered() {
        UUID school = new TestData(TestApi.at(port)).school();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = String.join("\r\n",
                "role,displayName,email,stage,subjects,interests",
                "mentor,Amira Khan,a.khan." + tag + "@example.org,,Mathematics;Computing,climbing",
                "mentee,\"O'Brien, Tom\",t.obrien." + tag + "@example.org,ECT_YEAR_1,,football",
                "mentee,No Stage,n.stage." + tag + "@example.org,,,",
                "teacher,Wrong Role,w.role." + tag + "@example.org,TRAINEE,,",
                "mentee,Bad Email,not-an-email,TRAINEE,,",
                "mentor,Amira Again,A.KHAN." + tag + "@example.org,,,",
                "mentee,No Email,,TRAINEE,,",
                "mentee,Wrong Stage,w.stage." + tag + "@example.org,YEAR_9,,",
                "");

        JsonNode report = post(school, csv);

        assertThat(report.path("rows").asInt()).isEqualTo(8);
        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("refused").asInt()).isEqualTo(6);
        assertThat(outcome(report, 2)).isEqualTo("CREATED");
        assertThat(outcome(report, 3)).isEqualTo("CREATED");
        assertThat(problem(report, 4)).contains("stage is required for a mentee: one of TRAINEE");
        assertThat(problem(report, 5)).contains("role must be mentor or mentee");
        assertThat(problem(report, 6)).contains("email must be an email address");
        assertThat(problem(report, 7)).contains("repeats line 2");
        assertThat(problem(report, 8)).contains("email is required").doesNotContain("must be");
        assertThat(problem(report, 9)).contains("stage must be one of TRAINEE");
    }

    @Test
    void the_same_file_sent_again_registers_nobody_twice_and_names_who_is_there() {
        UUID school = new TestData(TestApi.at(port)).school();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "role,displayName,email,stage\nmentee,Priya Shah,p.shah." + tag + "@example.org,TRAINEE\nmentor,Ben Cole,b.cole." + tag + "@example.org,\n";

        JsonNode first = post(school, csv);
        JsonNode again = post(school, csv);

        assertThat(first.path("created").asInt()).isEqualTo(2);
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("alreadyRegistered").asInt()).isEqualTo(2);
        assertThat(again.path("results").get(0).path("id").asText()).isEqualTo(first.path("results").get(0).path("id").asText());
    }

    @Test
    void a_file_of_five_thousand_staff_is_imported_in_one_request() {
        UUID school = new TestData(TestApi.at(port)).school();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("role,displayName,email,stage,subjects\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append(i % 5 == 0 ? "mentor" : "mentee").append(",Teacher ").append(i).append(",t").append(i).append('.').append(tag)
                    .append("@example.org,").append(i % 5 == 0 ? "" : "TRAINEE").append(",History\n");
        }

        JsonNode report = post(school, csv.toString());

        assertThat(report.path("rows").asInt()).isEqualTo(5_000);
        assertThat(report.path("created").asInt()).isEqualTo(5_000);
        assertThat(report.path("refused").asInt()).isZero();
    }

    @Test
    void only_the_schools_lead_imports_and_a_file_without_its_header_is_refused() {
        UUID school = new TestData(TestApi.at(port)).school();
        byte[] csv = "role,displayName,email\nmentor,A,a@example.org\n".getBytes(StandardCharsets.UTF_8);

        assertThat(TestApi.at(port).as(Person.schoolLead(UUID.randomUUID())).post("/api/schools/" + school + "/people", "text/csv", csv).status()).isEqualTo(404);
        assertThat(TestApi.at(port).as(Person.trustLead()).post("/api/schools/" + school + "/people", "text/csv", csv).status()).isEqualTo(403);
        TestApi.Answer headless = TestApi.at(port).as(Person.schoolLead(school)).post("/api/schools/" + school + "/people", "text/csv",
                "mentor,A,a@example.org\n".getBytes(StandardCharsets.UTF_8));
        assertThat(headless.status()).isEqualTo(400);
        assertThat(headless.json().path("detail").asText()).contains("The first line names the columns");
    }

    @Test
    void a_file_as_a_spreadsheet_saves_it_is_read_or_refused_with_what_to_do() {
        UUID school = new TestData(TestApi.at(port)).school();
        TestApi lead = TestApi.at(port).as(Person.schoolLead(school));
        String email = TestData.email();

        JsonNode spaced = post(school, "Role,Display Name,E-mail\nmentor,Zo\u00eb Caf\u00e9," + email + "\n");
        assertThat(outcome(spaced, 2)).as("headings as a person types them").isEqualTo("CREATED");

        TestApi.Answer windows = lead.post("/api/schools/" + school + "/people", "text/csv",
                ("role,displayName,email\nmentor,Zo\u00eb," + TestData.email() + "\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThat(windows.status()).isEqualTo(400);
        assertThat(windows.json().path("detail").asText()).startsWith("The file is not UTF-8 text").contains("CSV UTF-8 (Comma delimited)");
        TestApi.Answer semicolons = lead.post("/api/schools/" + school + "/people", "text/csv",
                ("role;displayName;email\nmentor;A;" + TestData.email() + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(semicolons.json().path("detail").asText()).startsWith("The columns are separated by semicolons");
        TestApi.Answer open = lead.post("/api/schools/" + school + "/people", "text/csv",
                ("role,displayName,email\nmentor,\"Ann, Lee," + TestData.email() + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(open.json().path("detail").asText()).isEqualTo("Line 2 opens a quote (\") that is never closed; every quoted value ends with a quote.");
        TestApi.Answer empty = lead.post("/api/schools/" + school + "/people", "text/csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("detail").asText()).startsWith("The file is empty");
        TestApi.Answer asJson = lead.post("/api/schools/" + school + "/people", "application/json",
                ("role,displayName,email\nmentor,A," + TestData.email() + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(asJson.status()).isEqualTo(415);
        assertThat(asJson.json().path("detail").asText())
                .isEqualTo("This endpoint does not read a body sent with Content-Type application/json; send it as application/csv or text/csv.");
    }

    private JsonNode post(UUID school, String csv) {
        TestApi.Answer answer = TestApi.at(port).as(Person.schoolLead(school))
                .post("/api/schools/" + school + "/people", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static String outcome(JsonNode report, int line) {
        return row(report, line).path("outcome").asText();
    }

    private static String problem(JsonNode report, int line) {
        return row(report, line).path("problem").asText();
    }

    private static JsonNode row(JsonNode report, int line) {
        for (JsonNode row : report.path("results")) {
            if (row.path("line").asInt() == line) {
                return row;
            }
        }
        throw new AssertionError("no line " + line + " in " + report);
    }
}
