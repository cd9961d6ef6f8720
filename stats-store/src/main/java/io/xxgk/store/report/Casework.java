package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import io.xxgk.contract.EventData.ComplaintKind;
import io.xxgk.contract.EventData.ContactKind;
import io.xxgk.contract.EventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 依申请公开, 举报/复议/诉讼 and service contacts: requests and complaints count distinct ids per
 * stage or kind (a request received twice is one request); service contacts sum their counts.
 */
final class Casework implements Measure<Casework.Cases> {

    record Cases(PeriodFigures.Requests requests, PeriodFigures.Complaints complaints, PeriodFigures.ServiceContacts service) {
    }

    /** Per (org, type, kind): n = distinct request or complaint ids, or summed contacts. */
    @Override
    public String fromRollups() {
        return """
                SELECT org, type, kind, if(type = {SERVICE_CONTACT:String}, sum(contacts), uniqExactMerge(refs)) AS n
                FROM casework_daily
                WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
                GROUP BY org, type, kind""";
    }

    @Override
    public String fromEvents() {
        return """
                SELECT org, type, kind, if(type = {SERVICE_CONTACT:String}, sum(count), uniqExactIf(ref, ref != '')) AS n
                FROM events FINAL
                WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
                  AND type IN ({REQUEST_RECEIVED:String}, {REQUEST_ANSWERED:String}, {REQUEST_DECLINED:String},
                               {COMPLAINT_RECEIVED:String}, {SERVICE_CONTACT:String})
                GROUP BY org, type, kind""";
    }

    @Override
    public String total() {
        return "SELECT type, kind, sum(n) AS n FROM (%s) GROUP BY type, kind";
    }

    @Override
    public Cases read(List<GenericRecord> rows) {
        Map<EventType, Long> requests = new EnumMap<>(EventType.class);
        Map<ComplaintKind, Long> complaints = new EnumMap<>(ComplaintKind.class);
        Map<ContactKind, Long> contacts = new EnumMap<>(ContactKind.class);
        for (GenericRecord r : rows) {
            EventType type = EventType.of(r.getString("type")).orElseThrow(() -> new IllegalStateException("unknown type " + r.getString("type")));
            String kind = r.getString("kind").toUpperCase(Locale.ROOT);
            long n = r.getLong("n");
            switch (type) {
                case REQUEST_RECEIVED, REQUEST_ANSWERED, REQUEST_DECLINED -> requests.merge(type, n, Long::sum);
                case COMPLAINT_RECEIVED -> complaints.merge(ComplaintKind.valueOf(kind), n, Long::sum);
                case SERVICE_CONTACT -> contacts.merge(ContactKind.valueOf(kind), n, Long::sum);
                default -> throw new IllegalStateException(type + " is not casework");
            }
        }
        return new Cases(
                new PeriodFigures.Requests(requests.getOrDefault(EventType.REQUEST_RECEIVED, 0L),
                        requests.getOrDefault(EventType.REQUEST_ANSWERED, 0L), requests.getOrDefault(EventType.REQUEST_DECLINED, 0L)),
                new PeriodFigures.Complaints(complaints.getOrDefault(ComplaintKind.REPORT, 0L),
                        complaints.getOrDefault(ComplaintKind.REVIEW, 0L), complaints.getOrDefault(ComplaintKind.LAWSUIT, 0L)),
                new PeriodFigures.ServiceContacts(contacts.getOrDefault(ContactKind.CALL, 0L), contacts.getOrDefault(ContactKind.VISIT, 0L),
                        contacts.getOrDefault(ContactKind.ONLINE, 0L), contacts.getOrDefault(ContactKind.HANDLED, 0L)));
    }
}
