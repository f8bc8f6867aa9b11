using Payments.Bench.Soak;

// Steady signed load through every source for --minutes while faults run on a schedule; then the ledger, and each
// service's memory sampled every minute. Exits 1 on any loss or duplicate.
var settings = SoakSettings.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var report = await SoakRun.RunAsync(settings, Console.Out, cancel.Token);
var text = ResultsFile.Render(report);
Console.WriteLine(text);
await File.WriteAllTextAsync(settings.Results, text, cancel.Token);
return report.Failures.Count == 0 ? 0 : 1;
