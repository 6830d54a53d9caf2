package uk.mentoring.meeting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Meetings and observations within pairings. Publishes onto {@code mentoring.meeting.v1}. */
@SpringBootApplication
public class MeetingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeetingServiceApplication.class, args);
    }
}
