// Why a field of a debrief card was refused; the card shows the text for it next to the field.
export type FieldProblem =
  | "required"
  | "needed_for_rung"
  | "invalid_choice"
  | "invalid_date"
  | "date_in_future"
  | "date_too_old"
  | "date_in_past"
  | "invalid_number"
  | "substep_not_of_rung"
  | "confirm_expectation"
  | "not_in_caseload";
