#!/usr/bin/env python3
"""Writes a wrk Lua script that POSTs distinct ~1 KB Stripe events signed now (valid for the 300 s tolerance).

usage: make_payloads.py <whsec secret> <count> <out.lua>
Stripe's scheme: v1 = hex(HMAC-SHA256(key = whole secret as UTF-8, "{t}.{body}")).
"""
import hashlib, hmac, json, sys, time, uuid

secret, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
t = int(time.time())
bodies, sigs = [], []
for i in range(count):
    event = {
        "id": f"evt_bench_{uuid.uuid4().hex}",
        "object": "event",
        "type": "payment_intent.succeeded",
        "created": t,
        "livemode": False,
        "data": {"object": {
            "id": f"pi_bench_{i:06d}", "object": "payment_intent", "amount": 4200 + i, "currency": "usd",
            "status": "succeeded", "metadata": {"order_id": str(uuid.uuid4())},
            "description": "",
        }},
    }
    body = json.dumps(event, separators=(",", ":"))
    pad = 1024 - len(body)  # pad the description so every body is exactly 1 KiB
    event["data"]["object"]["description"] = "x" * max(0, pad)
    body = json.dumps(event, separators=(",", ":"))
    sig = hmac.new(secret.encode(), f"{t}.{body}".encode(), hashlib.sha256).hexdigest()
    bodies.append(body)
    sigs.append(f"t={t},v1={sig}")

def lua(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

with open(out, "w") as f:
    f.write("local bodies = {" + ",\n".join(lua(b) for b in bodies) + "}\n")
    f.write("local sigs = {" + ",\n".join(lua(s) for s in sigs) + "}\n")
    f.write("""local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Stripe-Signature"] = sigs[i]}, bodies[i])
end
""")
