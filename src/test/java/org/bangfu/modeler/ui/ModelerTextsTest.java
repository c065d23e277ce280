package org.bangfu.modeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ModelerTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    @Test
    void chineseLocalesGetTheChineseEditorAndOthersTheEnglishOne() {
        assertThat(ModelerTexts.forLocale(Locale.SIMPLIFIED_CHINESE))
                .containsEntry("Candidate groups", "候选组")
                .containsEntry("Delegate expression", "委托表达式")
                .containsEntry("Create start event", "创建开始事件");
        assertThat(ModelerTexts.forLocale(Locale.forLanguageTag("zh"))).isNotEmpty();
        assertThat(ModelerTexts.forLocale(Locale.ENGLISH)).isEmpty();
        assertThat(ModelerTexts.forLocale(Locale.GERMANY)).isEmpty();
    }

    @Test
    void translationsKeepThePlaceholdersTheEditorsFillIn() {
        ModelerTexts.forLocale(Locale.SIMPLIFIED_CHINESE).forEach((english, chinese) -> assertThat(
                placeholders(chinese)).as(english).isEqualTo(placeholders(english)));
    }

    @Test
    void everyMessageOfBangfusLintRulesIsTranslated() throws IOException {
        Map<String, String> chinese = ModelerTexts.forLocale(Locale.SIMPLIFIED_CHINESE);
        List<String> messages = ruleMessages();
        assertThat(messages).hasSizeGreaterThan(20);
        assertThat(messages).allSatisfy(message -> assertThat(chinese).containsKey(message));
    }

    // the fixed messages in ui/bpmnlint-plugin-bangfu/lib: FOO_MESSAGE = '...' and message: '...'
    private static List<String> ruleMessages() throws IOException {
        Pattern message = Pattern.compile("(?:MESSAGE = |message: )'([^']*)'");
        try (Stream<Path> files = Files.list(Path.of("ui/bpmnlint-plugin-bangfu/lib"))) {
            return files.filter(file -> file.toString().endsWith(".mjs")).flatMap(file -> {
                try {
                    return message.matcher(Files.readString(file)).results().map(match -> match.group(1));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private static List<String> placeholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.results().map(match -> match.group(1)).sorted().toList();
    }
}
