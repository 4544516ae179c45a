package io.affinity.cli;

import io.affinity.client.blocking.AffinityBlockingClient;
import io.affinity.client.recipes.QuotaPolicy;
import io.affinity.model.AffinityList;
import io.affinity.model.FieldValueChange;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code affinity status-history <list> <field>}: the changes of a field, oldest first, as CSV on standard output. */
@Command(
        name = "status-history",
        description = "The value changes of a list's field (GET /field-value-changes), "
                + "oldest first, as CSV: changed_at, action, entity_id, list_entry_id, value, changer_id")
final class StatusHistoryCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    AffinityCli cli;

    @Parameters(index = "0", paramLabel = "<list name|id>", description = "The list's name or id")
    String list;

    @Parameters(index = "1", paramLabel = "<field name|id>", description = "The field's name or id, for example Status")
    String field;

    @CommandLine.Option(
            names = "--on-quota",
            defaultValue = "refuse",
            description = "refuse (default) or warn when the monthly quota cannot cover the call")
    String onQuota;

    @Override
    public Integer call() throws Exception {
        QuotaPolicy policy = ExportCommand.ListCommand.quotaPolicy(onQuota);
        try (Connection connection = Connection.open(cli.apiKeyFile, cli.baseUrl, cli.env, cli.err)) {
            AffinityBlockingClient client = connection.client();
            AffinityList target = ExportCommand.ListCommand.findList(client, list);
            StringBuilder csv = new StringBuilder("changed_at,action,entity_id,list_entry_id,value,changer_id\r\n");
            for (FieldValueChange change : client.fieldValueChanges().history(target.id(), field, policy)) {
                csv.append(change.changedAt())
                        .append(',')
                        .append(action(change.actionType().value()))
                        .append(',')
                        .append(change.entityId())
                        .append(',')
                        .append(change.listEntryId().map(String::valueOf).orElse(""))
                        .append(',')
                        .append(Cells.csvEscape(change.value().map(Cells::text).orElse("")))
                        .append(',')
                        .append(change.changer()
                                .map(person -> String.valueOf(person.id()))
                                .orElse(""))
                        .append("\r\n");
            }
            cli.out.print(csv);
            cli.out.flush();
        }
        return AffinityCli.OK;
    }

    private static String action(int code) {
        return switch (code) {
            case 0 -> "create";
            case 1 -> "delete";
            case 2 -> "update";
            default -> String.valueOf(code);
        };
    }
}
