package io.affinity.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A WebFlux service on the Affinity starter: only {@code affinity.api-key} (and perhaps a base URL) to set. */
@SpringBootApplication
public class CrmApplication {

    /** @param args the command line */
    public static void main(String[] args) {
        SpringApplication.run(CrmApplication.class, args);
    }
}
