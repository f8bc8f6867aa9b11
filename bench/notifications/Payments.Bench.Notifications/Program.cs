using Payments.Bench.Notifications;

// bare     HOST PORT WORKERS COUNT          : the service's SMTP mailer in a loop, WORKERS connections, no queue or database;
//                                            prints count, seconds, emails/s and the CPU seconds the loop used
// pipeline AMQP POSTGRES COUNT              : OrderPaid events published to the broker, timed until the service recorded them all sent
// publish  AMQP COUNT                       : OrderPaid events published to the broker, nothing else (a backlog for a stopped service)
// drain    POSTGRES WARMUP COUNT            : waits until the newest WARMUP + COUNT notifications are sent; times the last COUNT by recorded send
return args switch
{
    ["bare", var host, var port, var workers, var warmup, var count] => await BareLoop.RunAsync(host, int.Parse(port), int.Parse(workers), int.Parse(warmup), int.Parse(count)),
    ["pipeline", var amqp, var postgres, var count] => await Pipeline.RunAsync(amqp, postgres, int.Parse(count)),
    ["publish", var amqp, var count] => await Pipeline.PublishOnlyAsync(amqp, int.Parse(count)),
    ["drain", var postgres, var warmup, var count] => await Pipeline.DrainAsync(postgres, int.Parse(warmup), int.Parse(count)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bare HOST PORT WORKERS WARMUP COUNT | pipeline AMQP POSTGRES COUNT | publish AMQP COUNT | drain POSTGRES WARMUP COUNT");
    return 2;
}
