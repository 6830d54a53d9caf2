package uk.mentoring.pairing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Schools, mentors, mentees and who mentors whom. Publishes onto {@code mentoring.pairing.v1}. */
@SpringBootApplication
public class PairingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PairingServiceApplication.class, args);
    }
}
