using System.Diagnostics;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using Payments.Contracts;
using Payments.Messaging.Inbox;
using Payments.Notifications.Ledger;
using Payments.Notifications.Sending;
using Payments.Notifications.Templates;

namespace Payments.Notifications.OrderEvents;

/// <summary>
/// Turns each of Orders' events into the notification it owes, recorded in the inbox transaction of that event and, once
/// committed, handed to this instance's sender when it has room. It never talks to SMTP: a mail outage cannot slow, fail
/// or redeliver an event; the sender catches up later. Touching only the inbox transaction, busy deliveries share commits.
/// </summary>
[GroupCommit]
public sealed class OrderEventsHandler(IOptions<NotificationsOptions> options, IOptions<SmtpOptions> smtp, SendQueue sender, SenderWake wake) :
    IInboxHandler<OrderPaid>,
    IInboxHandler<OrderPaymentFailed>,
    IInboxHandler<OrderRefunded>,
    IInboxHandler<OrderNeedsAttention>
{
    public Task HandleAsync(InboxContext<OrderPaid> context, CancellationToken cancellationToken) =>
        Record(context, NotificationKind.Paid, context.Message.OrderId, context.Message.CustomerEmail, PaidEmail.Render(context.Message));

    public Task HandleAsync(InboxContext<OrderPaymentFailed> context, CancellationToken cancellationToken) =>
        Record(context, NotificationKind.PaymentFailed, context.Message.OrderId, context.Message.CustomerEmail, PaymentFailedEmail.Render(context.Message));

    public Task HandleAsync(InboxContext<OrderRefunded> context, CancellationToken cancellationToken) =>
        Record(context, NotificationKind.Refunded, context.Message.OrderId, context.Message.CustomerEmail, RefundedEmail.Render(context.Message));

    public Task HandleAsync(InboxContext<OrderNeedsAttention> context, CancellationToken cancellationToken) =>
        Record(context, NotificationKind.NeedsAttention, context.Message.OrderId, options.Value.OperationsEmail, NeedsAttentionEmail.Render(context.Message));

    private Task Record<T>(InboxContext<T> context, string kind, Guid orderId, string? recipient, EmailContent content) where T : class
    {
        var id = NotificationIds.For(context.MessageId, kind);
        // An address no server will take is not worth retrying; park it where an operator sees it instead of failing the event.
        var unsendable = MailAddress.TryCreate(recipient, out _) ? null : "The recipient is not a valid email address.";
        var messageId = NotificationIds.MessageId(id, smtp.Value.FromAddress.Host);
        var trace = Activity.Current; // the consume span: the send continues its trace
        var draft = new NotificationDraft(id, context.MessageId, orderId, kind, recipient ?? "", messageId, content, unsendable, trace?.Id, trace?.TraceStateString);
        if (unsendable is not null)
        {
            context.Execute(NotificationRows.Insert(draft)); // recorded parked: nothing to send
            return Task.CompletedTask;
        }

        if (!sender.HasRoom)
        {
            context.Execute(NotificationRows.Insert(draft)); // due now: a sender claims it
            context.OnCommitted(wake.Pulse);
            return Task.CompletedTask;
        }

        // Leased to this instance by the insert, handed to its sender once committed: no claim, no second read. The lease
        // counts from now, a little before the database starts it. A row that already existed (the inbox forgot the
        // event) was not inserted, so it is not handed over: whatever became of it stands.
        var leasedAt = Stopwatch.GetTimestamp();
        var insert = NotificationRows.Insert(draft, sender.Lease);
        context.Execute(insert);
        context.OnCommitted(() =>
        {
            if (insert.RecordsAffected == 1)
            {
                sender.Add(new PendingNotification(id, orderId, kind, draft.Recipient, messageId, content.Subject, content.Text, content.Html,
                    Attempts: 0, leasedAt, draft.TraceParent, draft.TraceState));
            }
        });
        return Task.CompletedTask;
    }
}
