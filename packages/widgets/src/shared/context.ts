import { createContext } from "@lit/context";
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { CoalitionClient } from "@coalition-kit/sdk/lite";

/** The SDK client that <ck-provider> hands to every widget inside it. */
export const clientContext = createContext<CoalitionClient | undefined>(Symbol.for("coalition-kit/client"));

// <ck-provider> and the widgets pass the client over the Context Community Protocol, the events
// @lit/context speaks: `context-request` (a consumer asks; the nearest provider answers and keeps
// calling back with every new value) and `context-provider` (a provider appeared inside another,
// which hands its subscribers over). Only this one context, always subscribed: about half the
// size of @lit/context's general controllers, and still understood by theirs, so copies of
// Coalition Kit built either way work together on one page.

type Client = CoalitionClient | undefined;
type Callback = (client: Client, unsubscribe?: () => void) => void;
type Host = ReactiveControllerHost & HTMLElement;

interface ContextRequest {
  context: unknown;
  contextTarget: Element;
  callback: Callback;
  subscribe: boolean;
}
interface ContextProviderAppeared {
  context: unknown;
  contextTarget: Element;
}

/** A protocol event: it bubbles, out of shadow roots too, and carries its fields as properties. */
const protocolEvent = <T extends object>(type: "context-request" | "context-provider", fields: T) => Object.assign(new Event(type, { bubbles: true, composed: true }), fields);

const request = (consumer: Element, callback: Callback) => protocolEvent<ContextRequest>("context-request", { context: clientContext, contextTarget: consumer, callback, subscribe: true });

/** Who sent a protocol event: its contextTarget, else where it was dispatched. */
const origin = (event: Event & { contextTarget?: Element }) => (event.contextTarget ?? event.composedPath()[0]) as Element;

/** A widget's side: asks for the client when connected, hears every new one, lets go when disconnected. */
export class ClientConsumer implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: Host,
    private readonly onClient: (client: Client) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(request(this.host, this.receive));
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private readonly receive: Callback = (client, unsubscribe) => {
    // Another provider took this widget over: leave the one before.
    if (this.unsubscribe && this.unsubscribe !== unsubscribe) this.unsubscribe();
    this.unsubscribe = unsubscribe;
    this.host.requestUpdate();
    this.onClient(client);
  };
}

/** <ck-provider>'s side: answers the requests from inside it and calls its subscribers back with every new client. */
export class ClientProvider implements ReactiveController {
  private client: Client;
  private readonly subscribers = new Map<Callback, { consumer: Element; unsubscribe: () => void }>();

  constructor(private readonly host: Host) {
    host.addEventListener("context-request", this.onRequest);
    host.addEventListener("context-provider", this.onProvider);
    host.addController(this);
  }

  setValue(client: Client): void {
    if (Object.is(client, this.client)) return;
    this.client = client;
    for (const [callback, { unsubscribe }] of this.subscribers) callback(client, unsubscribe);
  }

  hostConnected(): void {
    this.host.dispatchEvent(protocolEvent<ContextProviderAppeared>("context-provider", { context: clientContext, contextTarget: this.host }));
  }

  private readonly onRequest = (event: Event) => {
    const { context, callback, subscribe } = event as Event & ContextRequest;
    const consumer = origin(event);
    if (context !== clientContext || consumer === this.host) return;
    event.stopPropagation();
    if (!subscribe) return callback(this.client);
    let subscriber = this.subscribers.get(callback);
    if (!subscriber) this.subscribers.set(callback, (subscriber = { consumer, unsubscribe: () => void this.subscribers.delete(callback) }));
    callback(this.client, subscriber.unsubscribe);
  };

  /** A provider connected inside this one: each subscriber asks again, and the nearer provider answers. */
  private readonly onProvider = (event: Event) => {
    if ((event as Event & ContextProviderAppeared).context !== clientContext || origin(event) === this.host) return;
    for (const [callback, { consumer }] of [...this.subscribers]) consumer.dispatchEvent(request(consumer, callback));
    event.stopPropagation();
  };
}
