package org.bangfu.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Properties;

import org.bangfu.testsupport.MessageBundles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The screens read every module's texts as its bundle has them: Chinese unless English is asked for. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class TranslationsTest {

    @Autowired
    Translations translations;

    @Test
    void everyTextOfEveryModuleReachesTheScreensInChineseByDefaultAndInEnglishOnRequest() {
        int texts = 0;
        for (String module : MessageBundles.modules()) {
            Properties chinese = MessageBundles.texts(module, MessageBundles.CHINESE);
            Properties english = MessageBundles.texts(module, MessageBundles.ENGLISH);
            for (String key : chinese.stringPropertyNames()) {
                assertThat(translations.getTranslation(key, Locale.SIMPLIFIED_CHINESE)).as(key)
                        .isEqualTo(chinese.getProperty(key));
                assertThat(translations.getTranslation(key, Locale.FRANCE)).as(key).isEqualTo(chinese.getProperty(key));
                assertThat(translations.getTranslation(key, Locale.UK)).as(key).isEqualTo(english.getProperty(key));
                texts++;
            }
        }
        assertThat(texts).isGreaterThan(1500);
    }
}
