// The "smtp" configuration: the service delivers over SMTP to a loopback server; the dev outbox
// does not exist there.
import { expect, test } from "@playwright/test";
import { PASSWORD, signIn, uniqueEmail } from "./support/accounts";

type SinkMail = { from: string; to: string[]; subject: string; text: string };

async function mailTo(to: string): Promise<SinkMail> {
  const sink = process.env.E2E_SINK_URL!;
  for (let i = 0; i < 50; i++) {
    const list = (await (await fetch(`${sink}/messages?to=${encodeURIComponent(to)}`)).json()) as SinkMail[];
    if (list.length) return list[0];
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} reached the SMTP server`);
}

test("the verification mail arrives over SMTP and its link confirms the account", async ({ page, baseURL }) => {
  const email = uniqueEmail("smtp");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Check your inbox");

  const mail = await mailTo(email);
  expect([mail.from, mail.to, mail.subject]).toEqual(["noreply@dynhost.test", [email], "Confirm your email address for dynhost"]);
  const link = mail.text.match(/(http:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]{43})/)?.[1];
  expect(link?.startsWith(`${baseURL}/verify-email?token=`)).toBe(true);
  await page.goto(link!);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`Your email address ${email} is confirmed.`);
  await signIn(page, { email, password: PASSWORD });

  const outbox = await page.goto("/dev/mail");
  expect(outbox?.status()).toBe(404);
});
