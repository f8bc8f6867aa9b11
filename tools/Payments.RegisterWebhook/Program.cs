using System.CommandLine;
using Payments.RegisterWebhook;

// scripts/register-webhook.sh: creates a source's webhook endpoint at the Stripe-compatible provider, with the URL and
// the events from Reconciliation's configuration, and prints the signing secret to add as the source's next secret.
var source = new Argument<string>("source") { Description = "The webhook source (Reconciliation:Endpoints:{source}, Ingress:Sources:{source})." };
var url = new Option<string?>("--url") { Description = "The public URL the provider calls; default Reconciliation:Endpoints:{source}:Url." };
var events = new Option<string[]>("--event")
{
    Description = "An event type to subscribe to (repeatable); default Reconciliation:Endpoints:{source}:Events, else the events the ingress acts on.",
};
var environment = new Option<string>("--environment")
{
    Description = "Which appsettings.{environment}.json of Reconciliation to read.",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production",
};
var settings = new Option<FileInfo?>("--settings") { Description = "A further JSON settings file (same keys), read after Reconciliation's own." };
var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be registered; create nothing." };

var root = new RootCommand("Registers a webhook source's endpoint at the provider Reconciliation talks to (Provider:BaseUrl, Provider:ApiKey).")
{
    source, url, events, environment, settings, dryRun,
};
root.SetAction((parsed, cancellationToken) => Registration.RunAsync(
    new RegistrationRequest(
        parsed.GetValue(source)!,
        parsed.GetValue(url),
        parsed.GetValue(events) ?? [],
        parsed.GetValue(environment)!,
        parsed.GetValue(settings),
        parsed.GetValue(dryRun)),
    Console.Out,
    Console.Error,
    cancellationToken));
return await root.Parse(args).InvokeAsync();
