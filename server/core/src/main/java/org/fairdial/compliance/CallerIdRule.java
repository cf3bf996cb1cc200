package org.fairdial.compliance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Locale;
import java.util.Set;

/**
 * The number we present. Required everywhere: US 16 CFR 310.4(a)(8) (transmit a number the callee can call during
 * business hours); Italy's telemarketing code of conduct (2024: identifiable, callable numbers); UK Ofcom persistent
 * misuse statement (2016), Annex 1, and General Condition C6.6 (a valid, dialable number). In the UK it must also
 * cost no more than a national-rate call to return ({@code nationalRate}): the campaign must declare it, and numbers
 * libphonenumber knows to be premium rate, shared cost or personal numbers are refused.
 *
 * @param nationalRate the profile requires a number callable at no more than the national rate
 */
public record CallerIdRule(boolean nationalRate) {
    private static final Set<PhoneNumberType> DEARER_THAN_NATIONAL = Set.of(PhoneNumberType.PREMIUM_RATE,
            PhoneNumberType.SHARED_COST, PhoneNumberType.PERSONAL_NUMBER);

    /**
     * @param number           the caller id as configured (E.164), or null/blank when none
     * @param declaredNational the campaign declares the number callable at no more than the national rate
     */
    public Decision check(String number, boolean declaredNational) {
        if (number == null || number.isBlank()) {
            return Decision.deny(Rule.CALLER_ID, "a caller id is required; it may never be withheld");
        }
        if (!nationalRate) {
            return Decision.allow();
        }
        if (!declaredNational) {
            return Decision.deny(Rule.CALLER_ID, "the profile requires a caller id callable at no more than the "
                    + "national rate: declare it with caller-id.national-rate = true");
        }
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            PhoneNumberType type = util.getNumberType(util.parse(number, "ZZ"));
            if (DEARER_THAN_NATIONAL.contains(type)) {
                return Decision.deny(Rule.CALLER_ID, number + " is a " + type.name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " number, dearer than a national-rate call to return");
            }
        } catch (NumberParseException e) {
            return Decision.deny(Rule.CALLER_ID, number + " is not an E.164 number: " + e.getMessage());
        }
        return Decision.allow();
    }
}
