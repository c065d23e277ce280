package org.bangfu.shared;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * What text the REST API takes: anything but control characters (tab and line breaks aside). A NUL byte in a
 * search word or a form field reached PostgreSQL, which refuses it in text, and the request ended in a 500; such
 * input is now refused at the door with the field that held it: in parameters, path variables and form fields by the
 * binder, in JSON bodies (records, lists and maps alike) once the body is read.
 */
@ControllerAdvice
class TextInput extends RequestBodyAdviceAdapter {

    /** A field whose text holds a control character; {@link ApiErrors} answers 400 naming it. */
    static class ControlCharacter extends RuntimeException {

        private final String field;

        ControlCharacter(String field) {
            super("control character in " + field);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text != null && !isClean(text)) {
                    throw new IllegalArgumentException("control character");
                }
                setValue(text);
            }
        });
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "", 0);
        return body;
    }

    private static void check(Object value, String path, int depth) {
        if (value == null || depth > 32) {
            return;
        }
        if (value instanceof String text) {
            if (!isClean(text)) {
                throw new ControlCharacter(path.isEmpty() ? "body" : path);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                String name = String.valueOf(key);
                if (!isClean(name)) {
                    throw new ControlCharacter(path.isEmpty() ? "body" : path);
                }
                check(item, path.isEmpty() ? name : path + "." + name, depth + 1);
            });
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                check(item, path + "[" + i++ + "]", depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    check(component.getAccessor().invoke(value),
                            path.isEmpty() ? component.getName() : path + "." + component.getName(), depth + 1);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
