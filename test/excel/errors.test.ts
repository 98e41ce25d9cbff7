import { strict as assert } from "node:assert";
import { describeError, UserFacingError } from "../../src/excel/errors";

const officeError = (code: string): Error => Object.assign(new Error(`RichApi.Error: internal English text for ${code}`), { code });

describe("describeError", () => {
  it("asks to finish editing the cell in cell-edit mode", () => {
    assert.equal(describeError(officeError("InvalidOperationInCellEditMode")), "Finish editing the cell (press Enter or Esc), then try again.");
  });

  it("names protection for AccessDenied and the Excel versions for ApiNotFound", () => {
    assert.match(describeError(officeError("AccessDenied")), /protected/);
    assert.match(describeError(officeError("ApiNotFound")), /Microsoft 365, Excel 2021 or later, or Excel on the web/);
  });

  it("explains payload limits, existing items and general failures", () => {
    assert.match(describeError(officeError("RequestPayloadSizeLimitExceeded")), /too large/);
    assert.match(describeError(officeError("ResponsePayloadSizeLimitExceeded")), /too large/);
    assert.match(describeError(officeError("ItemAlreadyExists")), /already exists/);
    assert.match(describeError(officeError("GeneralException")), /Nothing was replaced/);
  });

  it("never shows Excel's own message or a stack", () => {
    for (const e of [officeError("SomethingNew"), new Error("TypeError at foo.js:1"), "boom", null]) {
      const text = describeError(e);
      assert.doesNotMatch(text, /internal English text|foo\.js|boom/);
      assert.ok(text.length > 20);
    }
  });

  it("passes the add-in's own messages through", () => {
    assert.equal(describeError(new UserFacingError("Choose another dashboard name.")), "Choose another dashboard name.");
  });
});
