using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Contracts;
using Payments.Reconciliation.Diagnostics;
using Payments.Reconciliation.Endpoints;
using Payments.Reconciliation.Housekeeping;
using Payments.Reconciliation.Providers;
using Payments.Reconciliation.Tests.Providers;

namespace Payments.Reconciliation.Tests.Housekeeping;

/// <summary>
/// A batch of a pass in which the provider answers 200 with garbage for one payment: that payment's check is a provider
/// error, put off like any other; the good ones around it are checked and their outcomes found.
/// </summary>
public sealed class When_one_payment_of_a_batch_answers_garbage
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1767618000);

    [Fact]
    public async Task Should_check_the_good_ones_and_record_a_provider_error_for_the_garbage()
    {
        var good = new[] { "pi_good_1", "pi_good_2", "pi_good_3" };
        var answers = good.ToDictionary(id => $"/v1/payment_intents/{id}", id => (HttpStatusCode.OK, StripeAnswers.Intent("latest_charge", "null", id)));
        answers["/v1/payment_intents/pi_garbage"] = (HttpStatusCode.OK, StripeAnswers.Intent("created", "0", "pi_garbage"));
        var check = Check(When_stripe_answers_garbage.Client(new CannedHttp(answers)));

        var outcomes = (await check.CheckAsync([.. good.Append("pi_garbage").Select(Claimed)], TestContext.Current.CancellationToken))
            .ToDictionary(o => o.Payment.PaymentId);

        outcomes.Count.ShouldBe(4);
        foreach (var id in good)
        {
            outcomes[id].Checked.ShouldBeTrue();
            outcomes[id].Findings.Select(f => f.Kind).ShouldBe([PaymentEventKind.Succeeded]);
        }

        var garbage = outcomes["pi_garbage"];
        (garbage.Checked, garbage.Findings.Count, garbage.ProviderStatus).ShouldBe((false, 0, (ProviderStatus?)null));
        garbage.Error.ShouldNotBeNull().ShouldStartWith("rejected: ");
        garbage.NextCheckAt.ShouldNotBeNull().ShouldBeGreaterThan(Now);
    }

    [Fact]
    public async Task Should_record_an_error_no_client_foresaw_as_that_payments_provider_error()
    {
        var outcomes = await Check(new Throwing()).CheckAsync([Claimed("pi_1"), Claimed("pi_2")], TestContext.Current.CancellationToken);

        outcomes.Count.ShouldBe(2);
        outcomes.ShouldAllBe(o => !o.Checked && o.Error!.StartsWith("unexpected: ", StringComparison.Ordinal));
    }

    private static ProviderCheck Check(IPaymentStatusClient client)
    {
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        return new ProviderCheck(new ProviderClients([client]), Options.Create(new ReconciliationOptions { Concurrency = 2 }),
            new ReconciliationMetrics(meters, new EndpointStatuses()), new FixedTime(Now));
    }

    private static ClaimedPayment Claimed(string paymentId) =>
        new(Guid.CreateVersion7(), paymentId, "stripe", 4200, "EUR", Now.AddHours(-1), KnownStatus.AwaitingPayment, 1, 0, Guid.NewGuid());

    private sealed class Throwing : IPaymentStatusClient
    {
        public string Provider => "stripe";

        public Task<ProviderPayment> GetAsync(PaymentReference payment, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A client bug.");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
