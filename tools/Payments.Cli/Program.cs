using Payments.Cli;
using Spectre.Console;

// `payments`: the operator CLI over the Operations API (README.md). Exit codes: 0 ok, 1 failure, 2 usage.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await PaymentsCli.RunAsync(args, AnsiConsole.Console, cancel.Token);
