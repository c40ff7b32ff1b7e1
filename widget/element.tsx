/**
 * `<eligibility-screener>`: the custom element a clinic puts on its page.
 *
 * Open shadow root (assistive tech needs it; the host page's CSS cannot get
 * in), styles through a constructable stylesheet (allowed by a strict
 * `style-src 'self'`), no answer ever mirrored into an attribute. Every entry
 * point is guarded: whatever goes wrong, the host page gets one prefixed
 * console warning and the patient gets the contact-the-clinic fallback.
 *
 * The element owns the state (rules, running assessment, dialog) and
 * re-renders the Preact tree on every change of the machine's snapshot.
 */
import { render } from 'preact';
import { h } from './components/h.ts';
import type { CompiledRuleSet } from '../src/core/compile.ts';
import { createActor } from 'xstate';
import { assessmentMachine, type AssessmentEvent } from '../src/core/machine.ts';
import { announcementOf, describeScreen, type ScreenContent } from '../src/core/screens.ts';
import { selfTestProblem } from '../src/core/self-test.ts';
import { ATTRIBUTES, type AttributeProperties, defineAttributeProperties } from './attributes.ts';
import { safeBookingUrl } from './booking-url.ts';
import { Host, type Body } from './components/host.tsx';
import { SWITCH_CSS } from './components/intro.tsx';
import { makeView, type View } from './components/view.ts';
import { dispatchAll, eventsFor } from './events.ts';
import { withCampaign } from './campaign.ts';
import { fetchRules, isPinned } from './fetch-rules.ts';
import { offeredLanguages, pickLocale, widgetStrings } from './locale.ts';
import { plainText } from './plain-text.ts';
import { keepProgress, resumeProgress } from './resume.ts';
import { screenKey, screenOf } from './screen.ts';
import { languageOf } from '../src/core/ui-strings.ts';
import { validateCompiled, type ValidationResult } from './validate-rules.ts';
import css from './styles.css?inline';
import { warn } from './warn.ts';
import { unsignedProblem } from './sign-off.ts';
import { describeSummary } from '../src/core/summary.ts';
import { printSummary, saveSummary, Summary } from './components/summary.tsx';

/** The element's tag name. */
export const TAG = 'eligibility-screener';

type Actor = ReturnType<typeof createActor<typeof assessmentMachine>>;

interface Session {
  /** The `rules` and `allowed-origins` values it was made for. */
  key: string;
  id: number;
  state: 'loading' | 'ready' | 'unavailable';
  compiled?: CompiledRuleSet;
  /** The languages the rules are written in throughout, their own `locale` first. */
  languages?: string[];
  actor?: Actor;
  stop?: () => void;
}

let builtInRules: CompiledRuleSet | null = null;
/** Rule sets whose self-test passed in this page (it runs once, before the first result). */
const tested = new WeakSet<CompiledRuleSet>();
let sheet: CSSStyleSheet | undefined;
let count = 0;

// The properties are defined from widget/attributes.ts's table (defineAttributeProperties, below the class); this names their types.
export interface EligibilityScreenerElement extends AttributeProperties {}

/**
 * The custom element class, registered by {@link defineEligibilityScreener}.
 * Its attribute properties (`el.bookingUrl` …) come from widget/attributes.ts.
 *
 * @example
 * const el = document.createElement('eligibility-screener');
 * el.bookingUrl = 'https://clinic.example/book';
 * document.body.append(el);
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface above only names the types of the properties defineAttributeProperties adds.
export class EligibilityScreenerElement extends (__SCREENER_SERVER_SAFE__ && typeof HTMLElement > 'u'
  ? (Object as unknown as typeof HTMLElement)
  : HTMLElement) {
  static observedAttributes = Object.keys(ATTRIBUTES);

  #mount?: HTMLElement;
  #session?: Session;
  #dialogOpen = false;
  #opener: Element | null = null;
  #queued = false;
  /** An observed attribute changed since the last paint. */
  #stale = false;
  #warnedUrl: string | null = null;
  #warnedLang: string | null = null;
  /** The language the patient picked on the intro's switch (`languages`). */
  #chosen: string | null = null;
  /** The screen drawn last, so focus moves and screen readers hear only real changes. */
  #shown = '';
  /** Why the answer on the current question was refused. */
  #error?: string | undefined;
  readonly #id = `es${++count}`;

  constructor() {
    super();
    this.#guard(() => {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(__SCREENER_MULTILINGUAL__ ? css + SWITCH_CSS : css);
      }
      root.adoptedStyleSheets = [sheet];
      this.#mount = root.appendChild(newMount());
    });
  }

  /** Opens the assessment dialog (popup mode only). */
  open(): void {
    this.#guard(() => {
      if (this.mode !== 'popup' || this.#dialogOpen) return;
      this.#opener = this.shadowRoot?.activeElement ?? document.activeElement;
      this.#dialogOpen = true;
      this.#paint();
    });
  }

  /** Closes the assessment dialog; the answers so far stay until the page is left. */
  close(): void {
    this.#guard(() => this.#mount?.querySelector('dialog')?.close());
  }

  connectedCallback(): void {
    this.#guard(() => {
      // Ask session-replay tools (Clarity, Hotjar, FullStory and others) to leave the widget out of recordings.
      for (const name of ['data-clarity-mask', 'data-hj-suppress', 'data-private']) {
        if (!this.hasAttribute(name)) this.setAttribute(name, 'true');
      }
      this.classList.add('fs-exclude');
      this.#paint();
    });
  }

  disconnectedCallback(): void {
    // The session stays: an element moved elsewhere in the page carries on where it was.
    // An open dialog is closed, or it would come back as a non-modal one.
    this.#dialogOpen = false;
    this.#opener = null;
    this.#guard(() => this.#mount?.querySelector('dialog')?.close());
  }

  attributeChangedCallback(): void {
    if (!this.isConnected) return;
    this.#stale = true;
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      // Already drawn with the new attributes (as on upgrade, where connectedCallback paints right after)?
      if (this.#stale) this.#guard(() => this.#paint());
    });
  }

  #paint(): void {
    this.#stale = false;
    const mount = this.#mount;
    if (!mount || !this.isConnected) return;
    const mode = this.mode;
    if (mode === 'inline') this.#dialogOpen = false;
    // Popup mode loads nothing and starts no machine until the patient opens it.
    const active = mode === 'inline' || this.#dialogOpen;
    if (active) this.#ensureSession();
    const session = active ? this.#session : undefined;
    const ruleSet = session?.compiled?.ruleSet;
    const wished = this.getAttribute('lang');
    const covered = session?.languages;
    const languages = __SCREENER_MULTILINGUAL__ && covered ? offeredLanguages(this.languages, covered) : [];
    // The patient's own pick on the switch comes first, while the clinic still offers it.
    // (No array method in a one-language build: a page may have replaced them, and this must still draw the fallback.)
    const picked = __SCREENER_MULTILINGUAL__ && languages.some((lang) => lang === this.#chosen) ? this.#chosen : null;
    const locale = pickLocale([picked, wished, document.documentElement.lang], covered);
    if (session?.languages && wished && languageOf(locale) !== languageOf(wished) && this.#warnedLang !== wished) {
      this.#warnedLang = wished;
      warn(`lang="${wished}": these rules or this script have no ${languageOf(wished)}; showing ${locale}`);
    }
    const strings = widgetStrings(locale);
    const bookingUrl = this.#bookingUrl();

    let body: Body | null = null;
    let key = '';
    let view: View | undefined;
    let content: ScreenContent | undefined;
    const actor = session?.actor;
    if (session && ruleSet && actor) {
      const snapshot = actor.getSnapshot();
      const screen = screenOf(snapshot);
      view = makeView({
        ruleSet,
        locale,
        strings,
        bookingUrl,
        idPrefix: this.#id,
        send: (event) => this.#send(event),
        can: (event) => actor.getSnapshot().can(event),
        showError: (message) =>
          this.#guard(() => {
            this.#error = message;
            this.#paint();
            mount.querySelector('input')?.focus();
          }),
      });
      content = describeScreen(ruleSet, screen, view);
      if (content.kind === 'result' && this.summary !== 'off') {
        const result = content;
        const { path, answers } = snapshot.context;
        const hash = session.compiled!.hash;
        const summary = () => (
          <Summary content={describeSummary(ruleSet, { path, answers, result, hash, made: new Date().toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' }), clinic: this.clinicName }, view!)} />
        );
        view.summary = {
          save: () => keep(() => saveSummary(summary(), strings.summaryTitle, locale)),
          print: () => keep(() => printSummary(summary())),
        };
      }
      key = `${session.id}:${screenKey(screen)}`;
      if (key !== this.#shown) this.#error = undefined;
      body = {
        state: 'ready',
        view,
        screen,
        content,
        answers: snapshot.context.answers,
        error: this.#error,
        // The switch exists only in a bundle with several languages (a script tag file has one).
        ...(__SCREENER_MULTILINGUAL__ && { languages, locale, onLanguage: (lang: string) => this.#guard(() => ((this.#chosen = lang), this.#paint())) }),
      };
    } else if (session) {
      body = { state: session.state === 'loading' ? 'loading' : 'unavailable' };
      key = session.state;
    }
    // Focus and announcements follow the patient's actions, never the page load.
    const moved = key !== this.#shown && this.#shown.includes(':');
    this.#shown = key;

    const dialog = mount.querySelector('dialog');
    const opening = this.#dialogOpen && !!dialog && !dialog.open;
    render(
      <Host
        mode={mode}
        headless={this.classList.contains('es-headless')}
        dialogOpen={this.#dialogOpen}
        body={body}
        locale={locale}
        strings={strings}
        bookingUrl={bookingUrl}
        dialogLabel={view ? plainText(view.t(view.ruleSet.title)) : strings.openAssessment}
        announcement={moved && content ? plainText(announcementOf(content)) : ''}
        onOpen={() => this.open()}
        onClose={() => this.close()}
        onDialogClosed={() => this.#guard(() => this.#closed())}
      />,
      mount,
    );
    const opened = mount.querySelector('dialog');
    if (this.#dialogOpen && opened && !opened.open) opened.showModal();
    if (moved || opening || (this.#dialogOpen && !dialog)) mount.querySelector<HTMLElement>('.title')?.focus();
  }

  #closed(): void {
    this.#dialogOpen = false;
    this.#paint();
    const opener = this.#opener;
    this.#opener = null;
    if (this.isConnected) (opener instanceof HTMLElement && opener.isConnected ? opener : this.#mount?.querySelector('button'))?.focus();
  }

  #send(event: AssessmentEvent): void {
    this.#guard(() => this.#session?.actor?.send(event));
  }

  #bookingUrl(): string | null {
    const raw = this.getAttribute('booking-url');
    const safe = safeBookingUrl(raw);
    if (raw && !safe && this.#warnedUrl !== raw) {
      this.#warnedUrl = raw;
      warn(`booking-url "${raw}" refused (use https: or a relative URL): no booking link`);
    }
    return safe && this.hasAttribute('forward-utm') ? withCampaign(safe, location.search) : safe;
  }

  /** Starts (or keeps) the assessment for the current `rules`, `allowed-origins` and `rules-integrity`. */
  #ensureSession(): void {
    const source = (this.getAttribute('rules') ?? '').trim();
    const origins = this.allowedOrigins.split(/[\s,]+/).filter(Boolean);
    const integrity = this.rulesIntegrity.trim();
    const key = `${source} ${origins.join(' ')} ${integrity}`;
    if (this.#session?.key === key) return;
    this.#session?.stop?.();
    const session: Session = (this.#session = { key, id: ++count, state: 'loading' });
    // The built-in rules were checked at build time. With several languages (the package's module)
    // the check runs here again, for the languages they cover; a script tag file has one language,
    // so it has nothing to find out and skips that work at load. A page that added keys to
    // Object.prototype can make the check stumble: then the rules' own language, and the self-test
    // before the first result guards the rest, as before.
    if (!source) {
      // rules-integrity pins the built-in rules too: a script carrying other rules is refused.
      if (!isPinned(builtInRules?.hash ?? '', integrity)) return this.#start(session, { ok: false, problem: 'rules-integrity does not match the built-in rules' }, 'built-in rules refused');
      const checked = __SCREENER_MULTILINGUAL__ && builtInRules ? validateCompiled(builtInRules) : null;
      return this.#start(session, builtInRules && !checked?.ok ? { ok: true, compiled: builtInRules, languages: [builtInRules.ruleSet.locale] } : checked, 'no built-in rules: set the rules attribute');
    }
    fetchRules(source, { allowedOrigins: origins, integrity }).then((result) =>
      this.#guard(() => {
        if (this.#session !== session) return; // the attributes changed while we waited
        this.#start(session, result, `rules "${source}" refused`);
        this.#paint();
      }),
    );
  }

  #start(session: Session, checked: ValidationResult | null, problem: string): void {
    if (!checked?.ok) {
      warn(`${problem}${checked ? `: ${checked.problem}` : ''}; showing "contact the clinic"`);
      session.state = 'unavailable';
      return;
    }
    const { compiled, languages } = checked;
    const unsigned = __SCREENER_REQUIRE_SIGNED__ && unsignedProblem(compiled, true);
    if (unsigned) return this.#start(session, { ok: false, problem: unsigned }, problem);
    const actor = createActor(assessmentMachine, { input: { ruleSet: compiled.ruleSet } });
    // Listen before starting: an error while starting or resuming must reach #guard (and the
    // fallback), never the host page as an uncaught exception.
    const starting = actor.subscribe({ error: () => {} });
    actor.start();
    resumeProgress(this, actor, compiled.hash);
    starting.unsubscribe();
    const started = actor.getSnapshot();
    if (started.status === 'error') throw started.error;
    let previous = screenOf(actor.getSnapshot());
    const subscription = actor.subscribe({
      next: (snapshot) =>
        this.#guard(() => {
          const next = screenOf(snapshot);
          // Before the first result: the rule set's own cases must still come out as compiled
          // here, or a host script has broken something the engine relies on. Throwing leads
          // to the fallback and one warning, and the result is never drawn.
          if ('outcome' in next && !tested.has(compiled)) selfTest(compiled), tested.add(compiled);
          const events = eventsFor(previous, next, {
            rulesVersion: compiled.ruleSet.version,
            rulesHash: compiled.hash,
            shareOutcome: this.shareOutcome,
          });
          previous = next;
          keepProgress(this, compiled.hash, next, snapshot.context);
          this.#paint();
          dispatchAll(this, events);
        }),
      error: (error) => this.#fail(error),
    });
    Object.assign(session, { state: 'ready', compiled, languages, actor, stop: () => (subscription.unsubscribe(), actor.stop()) });
    // While the patient reads, once the page is idle: the same self-test, early. A broken page is
    // found before the first answer, and the screens after it run code the browser has warmed up.
    // It still runs before the first result (above): a script may break a built-in in between.
    (self.requestIdleCallback ?? setTimeout)(() => this.#session === session && this.#guard(() => selfTest(compiled)));
  }

  /** Runs `task`; any error becomes one warning and the fallback, never an exception in the page. */
  #guard(task: () => void): void {
    try {
      task();
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    warn('stopped after an error; showing "contact the clinic"', error);
    try {
      const session = this.#session;
      session?.stop?.();
      if (session) Object.assign(session, { state: 'unavailable', actor: undefined, stop: undefined });
      // A render that threw may have left Preact's tree half-done: draw the fallback into a fresh root.
      this.#mount?.replaceWith((this.#mount = newMount()));
      this.#paint();
    } catch {
      // Already warned: the page itself must keep working.
    }
  }
}
/** Throws when the rule set's own cases no longer come out as compiled here (src/core/self-test.ts). */
function selfTest(compiled: CompiledRuleSet): void {
  const problem = selfTestProblem(compiled.ruleSet, compiled.selfTest);
  if (problem) throw new Error(problem);
}

// Server-side rendering imports the package's module in Node, which has no HTMLElement: the class is then a stand-in that nothing registers.
if (!__SCREENER_SERVER_SAFE__ || typeof HTMLElement < 'u') defineAttributeProperties(EligibilityScreenerElement.prototype);

/** Runs a summary action; a failure is a warning, and the result stays on screen. */
function keep(task: () => void): void {
  try {
    task();
  } catch (error) {
    warn('could not make the summary', error);
  }
}

function newMount(): HTMLElement {
  const mount = document.createElement('div');
  mount.className = 'root';
  return mount;
}

/**
 * Sets the built-in rules and registers `<eligibility-screener>`, once: a
 * second copy of the script finds the tag taken and leaves it alone.
 *
 * @example
 * defineEligibilityScreener(compiledKetamineRules);
 */
export function defineEligibilityScreener(defaultRules: CompiledRuleSet | null): void {
  builtInRules ??= defaultRules;
  if (!customElements.get(TAG)) customElements.define(TAG, EligibilityScreenerElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'eligibility-screener': EligibilityScreenerElement;
  }
}
