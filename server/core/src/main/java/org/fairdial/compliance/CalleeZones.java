package org.fairdial.compliance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The time zones a callee may be in: the lead's own zone when the list gives one, else every zone libphonenumber
 * maps the number to (a US toll-free number maps to dozens), else the campaign's default zone. Empty when none of
 * these is known: calling hours cannot be honoured, so such a lead is not called.
 */
public final class CalleeZones {
    private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

    private CalleeZones() {
    }

    public static List<ZoneId> of(String e164, ZoneId leadZone, ZoneId defaultZone) {
        if (leadZone != null) {
            return List.of(leadZone);
        }
        List<ZoneId> zones = new ArrayList<>();
        try {
            var number = PhoneNumberUtil.getInstance().parse(e164, "ZZ");
            for (String id : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number)) {
                if (!id.equals(UNKNOWN)) {
                    zones.add(ZoneId.of(id));
                }
            }
        } catch (NumberParseException | DateTimeException e) {
            // A zone Java's tzdb lacks could be one where it is night now: better not to call than to guess.
            return List.of();
        }
        if (zones.isEmpty() && defaultZone != null) {
            zones.add(defaultZone);
        }
        return List.copyOf(zones);
    }
}
