-- A password guess is counted before it is checked and given back when it was right
-- (src/services/accounts/sign-in-limits.ts), so a window's count may come back down to zero.
ALTER TABLE sign_in_failures DROP CONSTRAINT sign_in_failures_failures_check;
ALTER TABLE sign_in_failures ADD CONSTRAINT sign_in_failures_failures_check CHECK (failures >= 0);
