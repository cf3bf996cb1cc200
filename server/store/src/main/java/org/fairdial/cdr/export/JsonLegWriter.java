package org.fairdial.cdr.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import org.fairdial.cdr.CdrLeg;

/**
 * {@link ExportFormat#JSONL} through Jackson's streaming generator: one object per line, keys in
 * {@link LegColumns#NAMES} order, numbers and booleans as JSON numbers and booleans, absent values as
 * {@code null}. Nothing is kept between legs, so memory stays flat however many are written.
 */
final class JsonLegWriter implements LegWriter {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;

    JsonLegWriter(Writer out) throws IOException {
        this.json = FACTORY.createGenerator(out);
    }

    @Override
    public void write(CdrLeg leg) throws IOException {
        Object[] values = LegColumns.values(leg);
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            json.writeFieldName(LegColumns.NAMES[i]);
            Object v = values[i];
            if (v == null) {
                json.writeNull();
            } else if (v instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (v instanceof Long n) {
                json.writeNumber(n);
            } else if (v instanceof Integer n) {
                json.writeNumber(n);
            } else if (v instanceof Double d) {
                json.writeNumber(d);
            } else {
                json.writeString(v.toString());
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }
}
