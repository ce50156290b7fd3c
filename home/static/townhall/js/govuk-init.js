// Starts GOV.UK Frontend's components (accordions, the header menu, error summaries...).
import { initAll } from "../../govuk/govuk-frontend.min.js";

initAll();
