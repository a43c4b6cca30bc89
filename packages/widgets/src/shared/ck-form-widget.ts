import type { PropertyDeclarations } from "lit";
import { CkApiError, newIdempotencyKey } from "@coalition-kit/sdk/lite";
import { CkWidget } from "./ck-widget.js";
import { emit, errorDetail, type CkErrorDetail, type CkSubmitDetail, type CkSuccessDetail } from "./events.js";
import { focusFirstError } from "./form-controls.js";
import { alertText } from "./i18n.js";

/** Messages by field name. */
export type FieldErrors = Readonly<Record<string, string>>;

/** One press of a widget's submit button: what it sends and what the widget makes of the answer. */
export interface Submission<I, R> {
  /** What is sent, once `validate` finds nothing. Sent again unchanged (say, after no answer came), it goes under the same Idempotency-Key. */
  input: I;
  /** The `ck-submit` detail; `ck-error` carries it too, with the code and message. */
  detail: CkSubmitDetail;
  /** Send `input` under this Idempotency-Key. */
  send(key: string): Promise<R>;
  /** Show the answer; returns the `ck-success` detail. */
  done(result: R): CkSuccessDetail;
  /** What gets the focus once the answer is on screen (a selector in the shadow root). */
  focus: string;
  /** The alert for a failure that brings no words of its own (the widget's "We couldn't…"). */
  fallback: string;
  /** Anything more the widget does when sending failed (given the code `ck-error` carries), once the field errors or the alert are set. */
  failed?(code: CkErrorDetail["code"]): void;
}

/**
 * A widget with a form, and the submit lifecycle the five such widgets share (as the console's
 * AdminView.attempt): field errors and the alert line, the submitting flag, the Idempotency-Key
 * (a retry of the same input reuses it; changed input gets a new one), focus on the first field
 * in error, and `ck-submit` then `ck-success` or `ck-error` (bubbling, composed).
 */
export abstract class CkFormWidget<I = unknown> extends CkWidget {
  static override properties: PropertyDeclarations = {
    errors: { state: true },
    alert: { state: true },
    submitting: { state: true },
  };

  /** Field messages, from the local checks or the API's `validation_failed`. */
  declare protected errors: FieldErrors;
  /** The one line said when sending failed for a reason no field explains. */
  declare protected alert: string | undefined;
  /** A submission is on its way (the submit button is disabled). */
  declare protected submitting: boolean;

  private pending: { fingerprint: string; key: string } | undefined;

  /** @param fieldOrder the form's field names in the order they appear: the first in error gets the focus */
  constructor(private readonly fieldOrder: readonly string[] = []) {
    super();
    this.errors = {};
    this.submitting = false;
  }

  /** Show these field errors and move the focus to the first. */
  protected async showErrors(errors: FieldErrors): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    focusFirstError(this.renderRoot, this.fieldOrder, errors);
  }

  /** Set one field's message, or drop it when `message` is undefined. */
  protected fix(name: string, message?: string): void {
    if (this.errors[name] === message) return;
    const next = { ...this.errors };
    if (message) next[name] = message;
    else delete next[name];
    this.errors = next;
  }

  /** The input a form holds, for checking a field again when it changes. */
  protected collect?(form: HTMLFormElement): I;

  /**
   * The local checks of an input, before it is sent (none by default). The lite client's
   * `validate()` checks nothing: the API answers with every field's message, shown the same way.
   */
  protected validate(_input: I): FieldErrors | undefined {
    return undefined;
  }

  /** A field changed: if it shows an error, check it again. */
  protected readonly onFieldChange = (event: Event): void => {
    const { name, form } = event.target as HTMLInputElement;
    if (this.errors[name] && form && this.collect) this.fix(name, this.validate(this.collect(form))?.[name]);
  };

  /** Check, send and report one submission; true once the answer is on screen. */
  protected async attempt<R>(s: Submission<I, R>): Promise<boolean> {
    if (this.submitting) return false;
    this.alert = undefined;
    const errors = this.validate(s.input) ?? {};
    if (Object.keys(errors).length) {
      await this.showErrors(errors);
      return false;
    }
    this.errors = {};
    const fingerprint = JSON.stringify([s.detail, s.input]);
    if (this.pending?.fingerprint !== fingerprint) this.pending = { fingerprint, key: newIdempotencyKey() };
    this.submitting = true;
    emit(this, "ck-submit", s.detail);
    try {
      const result = await s.send(this.pending.key);
      this.pending = undefined;
      this.submitting = false;
      emit(this, "ck-success", s.done(result));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(s.focus)?.focus();
      return true;
    } catch (error) {
      this.submitting = false;
      const failure = errorDetail(error);
      if (error instanceof CkApiError && error.code === "validation_failed" && Object.keys(error.fields).length) await this.showErrors({ ...error.fields });
      else this.alert = alertText(error, s.fallback);
      s.failed?.(failure.code);
      emit(this, "ck-error", { ...s.detail, ...failure });
      return false;
    }
  }
}
