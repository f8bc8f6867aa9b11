using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Payments.Security.Tests.Infrastructure;
using Payments.ServiceDefaults.Security;
using Payments.Testing.Security;

namespace Payments.Security.Tests.Audit;

/// <summary>Operator actions on the management listener leave a row in the service's own database: who, what, when, result.</summary>
[Collection(SecurityCollection.Name)]
public sealed class When_an_operator_acts(SecuritySystem system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_audit_a_requeue_with_the_subject_and_the_result()
    {
        var id = Guid.NewGuid();
        var operatorName = $"ops-{Guid.NewGuid():N}";
        using var http = Client(system.Orders, TestTokens.Create([ApiAudiences.Orders], [Scopes.PaymentsOps], subject: operatorName));

        (await http.PostAsync($"/admin/outbox/parked/{id}/requeue", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var row = await AuditRowAsync("orders", operatorName);
        row.ShouldBe(("POST /admin/outbox/parked/{id:guid}/requeue", $"/admin/outbox/parked/{id}/requeue", 404));
        var audit = await http.GetFromJsonAsync<List<AuditEntryView>>("/admin/audit?limit=1000", Ct);
        audit!.ShouldContain(e => e.Subject == operatorName && e.StatusCode == 404 && e.Target.Contains(id.ToString()));
    }

    [Fact]
    public async Task Should_audit_a_resend_and_an_attempt_without_the_scope()
    {
        var id = Guid.NewGuid();
        var operatorName = $"ops-{Guid.NewGuid():N}";
        using var ops = Client(system.Notifications, TestTokens.Create([ApiAudiences.Notifications], [Scopes.PaymentsOps], subject: operatorName));
        (await ops.PostAsync($"/notifications/{id}/resend", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AuditRowAsync("notifications", operatorName)).ShouldBe(("POST /notifications/{id}/resend", $"/notifications/{id}/resend", 404));

        var intruder = $"client-{Guid.NewGuid():N}";
        using var client = Client(system.Notifications, TestTokens.Create([ApiAudiences.Notifications], [Scopes.OrdersRead], subject: intruder));
        (await client.PostAsync($"/notifications/{id}/resend", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AuditRowAsync("notifications", intruder)).ShouldBe(("POST /notifications/{id}/resend", $"/notifications/{id}/resend", 403));
    }

    private static HttpClient Client(IServiceHost service, string token)
    {
        var http = new HttpClient { BaseAddress = service.ManagementUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    private async Task<(string Action, string Target, int StatusCode)> AuditRowAsync(string service, string subject)
    {
        await using var connection = new NpgsqlConnection(system.Databases[service]);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT action, target, status_code, at FROM operations.audit WHERE subject = $1", connection);
        command.Parameters.AddWithValue(subject);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue($"an audit row for {subject}");
        var row = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
        reader.GetFieldValue<DateTimeOffset>(3).ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        (await reader.ReadAsync(Ct)).ShouldBeFalse("one row per action");
        return row;
    }

    private sealed record AuditEntryView(string Subject, string Action, string Target, int StatusCode);
}
