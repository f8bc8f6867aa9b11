using Payments.DevTokens;

// Development tokens for ./scripts/run.sh: prints one JWT (HS256) signed with the key in --key-file (base64, 32 bytes
// or more, generated per machine into .run/; never committed).
//   Payments.DevTokens --key-file .run/dev-signing.key --issuer payments-dev --subject dev-ops
//                      --audience payments-orders [--audience ...] --scope "payments:ops" [--hours 12]
var options = TokenRequest.Parse(args);
Console.WriteLine(options.Mint());
return 0;
