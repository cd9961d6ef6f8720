package io.xxgk.dashboard.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request body that is not the JSON asked for: 400 problem+json naming the field as the
 * registry's refusals do ({@code channels[0].items}) and what it may be, not a parser's message.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)   // before Spring's own problem details, which say only "Failed to read request"
class UnreadableBodies {

    @ExceptionHandler
    ErrorResponse unreadable(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String reason = json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    && mismatch.getTargetType().isEnum() ? "must be one of " + values(mismatch.getTargetType()) : "is not of the expected type";
            return InvalidInput.of("body", field(json.getPath()), reason);
        }
        return InvalidInput.of("body", "body", "must be a JSON document");
    }

    /** channels[0].items */
    private static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The enum's values as JSON writes them. */
    private static List<String> values(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(value -> {
            String name = ((Enum<?>) value).name();
            try {
                JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
                return property == null ? name : property.value();
            } catch (NoSuchFieldException e) {
                return name;
            }
        }).toList();
    }
}
