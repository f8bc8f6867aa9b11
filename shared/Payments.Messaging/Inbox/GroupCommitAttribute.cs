namespace Payments.Messaging.Inbox;

/// <summary>
/// Lets the inbox commit this handler's messages together with other messages that arrive at the same time (group
/// commit): one transaction, one claim statement and one flush for the whole group, when the consumer is busy.
/// Only for handlers that touch nothing but their <see cref="InboxContext{TMessage}"/>: a handler may run again alone
/// if its group fails, so any effect outside the transaction (an HTTP call, an email) would happen twice.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GroupCommitAttribute : Attribute;
