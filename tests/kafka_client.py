"""An independent Kafka client for scamstream's service tests.

It uses confluent-kafka (Python, its own librdkafka build), not the engine's
rdkafka, so a test that produces with it and reads back with it checks the
engine against a third-party client. Commands:

  create   --brokers B --partitions N TOPIC...      create topics (existing ones are fine)
  produce  --brokers B --input FILE [--calls T] [--sms T]
           JSON Lines to the calls and SMS topics by "kind", keyed by caller;
           lines that are not JSON objects go to the calls topic unkeyed.
  raw      --brokers B --topic T VALUE_BASE64...    produce raw values
  consume  --brokers B --topic T [--idle S]         print every message as a JSON
           line {partition, offset, key, value, value_base64, headers} until the
           topic has been quiet for S seconds
"""

import argparse
import base64
import json
import sys
import time
import uuid

from confluent_kafka import Consumer, KafkaException, Producer
from confluent_kafka.admin import AdminClient, NewTopic


def create(args):
    admin = AdminClient({"bootstrap.servers": args.brokers})
    topics = [NewTopic(t, num_partitions=args.partitions, replication_factor=1) for t in args.topics]
    for topic, future in admin.create_topics(topics).items():
        try:
            future.result(30)
        except KafkaException as e:
            if "TOPIC_ALREADY_EXISTS" not in str(e):
                raise


def deliver(producer, topic, value, key=None):
    while True:
        try:
            producer.produce(topic, value=value, key=key)
            return
        except BufferError:
            producer.poll(0.1)


def produce(args):
    producer = Producer({"bootstrap.servers": args.brokers, "linger.ms": 20})
    count = 0
    with open(args.input, "rb") as lines:
        for line in lines:
            line = line.rstrip(b"\r\n")
            if not line:
                continue
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if isinstance(record, dict):
                topic = args.sms if record.get("kind") == "sms" else args.calls
                key = str(record.get("caller", "")).encode()
                deliver(producer, topic, line, key)
            else:
                deliver(producer, args.calls, line)
            count += 1
    left = producer.flush(60)
    if left:
        sys.exit(f"{left} messages not delivered")
    print(count)


def raw(args):
    producer = Producer({"bootstrap.servers": args.brokers})
    for value in args.values:
        deliver(producer, args.topic, base64.b64decode(value))
    if producer.flush(60):
        sys.exit("messages not delivered")


def consume(args):
    consumer = Consumer(
        {
            "bootstrap.servers": args.brokers,
            "group.id": f"scamstream-test-{uuid.uuid4()}",
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
        }
    )
    consumer.subscribe([args.topic])
    quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < args.idle:
        message = consumer.poll(0.5)
        if message is None:
            continue
        if message.error():
            continue
        quiet_since = time.monotonic()
        value = message.value()
        text = None
        if value is not None:
            try:
                text = value.decode()
            except UnicodeDecodeError:
                text = None
        headers = {k: (v.decode(errors="replace") if v is not None else None) for k, v in (message.headers() or [])}
        print(
            json.dumps(
                {
                    "partition": message.partition(),
                    "offset": message.offset(),
                    "key": message.key().decode() if message.key() is not None else None,
                    "value": text,
                    "value_base64": base64.b64encode(value).decode() if value is not None else None,
                    "headers": headers,
                }
            )
        )
    consumer.close()


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("create")
    p.add_argument("--brokers", required=True)
    p.add_argument("--partitions", type=int, default=4)
    p.add_argument("topics", nargs="+")
    p = sub.add_parser("produce")
    p.add_argument("--brokers", required=True)
    p.add_argument("--input", required=True)
    p.add_argument("--calls", default="calls")
    p.add_argument("--sms", default="sms")
    p = sub.add_parser("raw")
    p.add_argument("--brokers", required=True)
    p.add_argument("--topic", required=True)
    p.add_argument("values", nargs="+")
    p = sub.add_parser("consume")
    p.add_argument("--brokers", required=True)
    p.add_argument("--topic", required=True)
    p.add_argument("--idle", type=float, default=3.0)
    args = parser.parse_args()
    {"create": create, "produce": produce, "raw": raw, "consume": consume}[args.command](args)


if __name__ == "__main__":
    main()
