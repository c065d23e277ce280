package org.bangfu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Bangfu (帮扶): a workflow-driven case tracker for households in special difficulty.
 */
@SpringBootApplication
public class BangfuApplication {

    public static void main(String[] args) {
        SpringApplication.run(BangfuApplication.class, args);
    }
}
