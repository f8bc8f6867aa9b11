using Payments.Demo;

// The demo flow of scripts/run.sh: customers pay, fail, retry and ask for refunds at the provider simulator, which
// tells the ingress by signed webhooks (duplicating and dropping some); then every order is checked against the
// provider's state, and a summary says what happened. Exit code 1 if any order does not match the provider.
var options = DemoOptions.Parse(args);
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
var demo = new Demo(options, new DemoApis(http, options));
return await demo.RunAsync(CancellationToken.None) ? 0 : 1;
